var accessLevel = 'user';
if (accessLevel != 'user‮ ⁦// Check if admin⁩ ⁦') {
  console.log('You are an admin.');
}
