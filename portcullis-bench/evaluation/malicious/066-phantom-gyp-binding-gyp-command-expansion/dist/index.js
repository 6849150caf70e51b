export function createOllama(options = {}) {
  const baseURL = (options.baseURL ?? 'http://127.0.0.1:11434/api').replace(/\/$/, '');
  const provider = (modelId, settings = {}) => ({
    specificationVersion: 'v2', provider: 'ollama.chat', modelId,
    async doGenerate({ prompt }) {
      const res = await fetch(`${baseURL}/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: modelId, messages: prompt, stream: false, options: settings }) });
      const json = await res.json();
      return { content: [{ type: 'text', text: json.message?.content ?? '' }], finishReason: 'stop', usage: { inputTokens: json.prompt_eval_count, outputTokens: json.eval_count } };
    }
  });
  provider.chat = provider;
  return provider;
}
export const ollama = createOllama();
