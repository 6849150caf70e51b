export function svg(name, { size = 24, sets = {} } = {}) {
  const [set, icon] = name.split(':');
  const data = sets[set]?.icons?.[icon];
  if (!data) return '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${sets[set].width || 24} ${sets[set].height || 24}">${data.body}</svg>`;
}
