/** Code shown in `<pre><code>` blocks; `{project}` is replaced by the post's project. */
export const codeSnippets: readonly { lang: string; code: string }[] = [
  {
    lang: 'bash',
    code: 'npm install {project} --save-dev\nnpx {project} init\nnpx {project} build --watch',
  },
  {
    lang: 'json',
    code: '{\n  "name": "my-app",\n  "scripts": {\n    "build": "{project} build",\n    "test": "{project} test --coverage"\n  }\n}',
  },
  {
    lang: 'typescript',
    code: "import { createClient } from '{project}'\n\nconst client = createClient({ retries: 3 })\nconst items = await client.list<Item>('/items')\nconsole.log(items.length > 0 ? 'ok' : 'empty')",
  },
  {
    lang: 'nginx',
    code: 'server {\n  listen 80;\n  location /api/ {\n    proxy_pass http://127.0.0.1:8080;\n  }\n}',
  },
  {
    lang: 'go',
    code: 'func main() {\n\tsrv := {project}.New()\n\tif err := srv.Run(":8080"); err != nil {\n\t\tlog.Fatal(err)\n\t}\n}',
  },
  {
    lang: 'rust',
    code: 'fn main() -> Result<(), Box<dyn Error>> {\n    let cfg = Config::from_env()?;\n    run(&cfg)\n}',
  },
]
