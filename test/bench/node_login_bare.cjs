// The floor for any Node.js program: the same two API3 calls (info, then one read) with node:http
// alone, over one kept-alive connection, and nothing else: no checks, no settings, no output.
// CommonJS, as the CLI's launcher is (no ES module loader to set up); getBuiltinModule is its require.
const http = process.getBuiltinModule('node:http');

const [url, login] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });

function call(method, params) {
  return new Promise((resolve, reject) => {
    const request = http.request(new URL('/api3/json', url), { method: 'POST', agent, headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    request.on('error', reject);
    request.end(JSON.stringify({ method_name: method, params }));
  });
}

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const password = input.split('\n')[0];
  await call('info', []);
  const read = {
    type: 'HumanUser',
    return_fields: ['name', 'login', 'email', 'sg_status_list', 'permission_rule_set'],
    filters: { logical_operator: 'and', conditions: [{ path: 'login', relation: 'is', values: [login] }] },
    return_only: 'active',
    paging: { entities_per_page: 1, current_page: 1 },
    api_return_image_urls: true,
  };
  const found = await call('read', [{ user_login: login, user_password: password }, read]);
  process.exit(found.exception || !found.results?.entities?.length ? 1 : 0);
}

void main();
