# Shared by build.sh and test.sh; source it, do not run it.

# Runs `npm ci` unless node_modules was installed from this very package-lock.json.
ensure_node_modules() {
  local stamp=node_modules/.kams-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}
