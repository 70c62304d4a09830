#!/usr/bin/env bash
# Access rules over TLS on the REST routes, seen by curl: HTTP/1.1 and HTTP/2 (ALPN) on the gRPC port.
# Usage: secured_tls_rest.sh BASE_URL CA_FILE   (tokens in TOKEN_ADMIN, TOKEN_AGENT, TOKEN_EXPIRED, TOKEN_OTHER_ACCOUNT)
# Output: "PASS <case>" / "FAIL <case>: <reason>" lines, then "N passed, M failed"; exit 1 on a failure.
set -uo pipefail
BASE=$1
CA=$2
PATH_IDENTIFIERS=/api/journey/v1/accounts/ABCDEF/identifiers
passed=0
failed=0
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT

check() { # name expected-status http-version token [header-pattern]
    local name=$1 expected=$2 version=$3 token=$4 pattern=${5:-}
    local auth=()
    [[ -n $token ]] && auth=(-H "authorization: Bearer $token")
    local status
    status=$(curl -s -o /dev/null -D "$headers" -w '%{http_code}' "$version" --cacert "$CA" "${auth[@]}" "$BASE$PATH_IDENTIFIERS")
    if [[ $status != "$expected" ]]; then
        echo "FAIL $name: expected $expected, got $status"; failed=$((failed + 1)); return
    fi
    if [[ -n $pattern ]] && ! grep -qiE "$pattern" "$headers"; then
        echo "FAIL $name: no header matching $pattern in: $(tr -d "\r" < "$headers" | tr "\n" " ")"; failed=$((failed + 1)); return
    fi
    echo "PASS $name"; passed=$((passed + 1))
}

check no_credentials_401_with_challenge 401 --http1.1 "" '^www-authenticate: Bearer'
check expired_token_401_says_expired 401 --http1.1 "$TOKEN_EXPIRED" '^www-authenticate: Bearer error="invalid_token", error_description="The bearer token has expired."'
check wrong_role_403 403 --http1.1 "$TOKEN_AGENT"
check other_account_403 403 --http1.1 "$TOKEN_OTHER_ACCOUNT"
check right_role_200_http1 200 --http1.1 "$TOKEN_ADMIN" '^HTTP/1.1 200'
check right_role_200_http2_alpn 200 --http2 "$TOKEN_ADMIN" '^HTTP/2 200'
echo "$passed passed, $failed failed"
(( failed == 0 ))
