#!/usr/bin/env bash
# Replaces the axe-core script the browser tests inject (src/test/resources/axe/) with the given
# version from the npm registry, after checking the package against the registry's integrity
# hash. Then set Axe.VERSION and Axe.SHA256 in blog.web.e2e.Axe to what this prints.
#
#   blog-web/src/test/axe/update-axe.sh 4.14.1
set -euo pipefail
version="${1:?usage: $0 VERSION}"
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../resources/axe"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "axe-core@$version" >/dev/null
tarball="axe-core-$version.tgz"
expected="$(npm view "axe-core@$version" dist.integrity)"
actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | base64 -w0)"
[ "$expected" = "$actual" ] || { echo "integrity mismatch: $expected vs $actual" >&2; exit 1; }
tar xzf "$tarball"
cp package/axe.min.js package/LICENSE package/LICENSE-3RD-PARTY.txt "$target/"
echo "VERSION = \"$version\""
echo "SHA256  = \"sha256-$(openssl dgst -sha256 -binary package/axe.min.js | base64 -w0)\""
node -e "console.log('axe-core sri-history.json says: ' + require('./package/sri-history.json')['$version']['axe.min.js'])"
