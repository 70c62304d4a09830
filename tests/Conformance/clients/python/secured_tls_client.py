#!/usr/bin/python3
"""Access rules over TLS, seen by Debian's python3-grpcio (no generated stubs, no local .proto).

    /usr/bin/python3 secured_tls_client.py --target 127.0.0.1:8443 --ca server.crt

Tokens come from the environment: TOKEN_ADMIN (Account Administrator of ABCDEF), TOKEN_AGENT
(Agent of ABCDEF), TOKEN_EXPIRED, TOKEN_OTHER_ACCOUNT (Account Administrator of another account).
Output: "PASS <case>" or "FAIL <case>: <reason>" per case, then "N passed, M failed"; exit 1 on a failure.
"""

import argparse
import os
import sys

import grpc

LIST_IDENTIFIER_TYPES = "/journeygrpc.journey.v1.JourneyService/ListIdentifierTypes"
HEALTH_CHECK = "/grpc.health.v1.Health/Check"
# ListIdentifierTypesRequest { account_id (1): "ABCDEF" }, encoded by hand: tag 0x0a, length 6.
REQUEST = b"\x0a\x06ABCDEF"


def call(channel, method, request, token):
    metadata = [("authorization", "Bearer " + token)] if token else None
    try:
        channel.unary_unary(method)(request, metadata=metadata, timeout=20)
        return grpc.StatusCode.OK, ""
    except grpc.RpcError as error:
        return error.code(), error.details()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--target", required=True)
    parser.add_argument("--ca", required=True)
    args = parser.parse_args()
    with open(args.ca, "rb") as ca:
        credentials = grpc.ssl_channel_credentials(root_certificates=ca.read())
    channel = grpc.secure_channel(args.target, credentials, options=[("grpc.ssl_target_name_override", "127.0.0.1")])

    cases = [
        ("health_without_credentials_ok", HEALTH_CHECK, b"", None, grpc.StatusCode.OK),
        ("no_credentials_unauthenticated", LIST_IDENTIFIER_TYPES, REQUEST, None, grpc.StatusCode.UNAUTHENTICATED),
        ("garbage_token_unauthenticated", LIST_IDENTIFIER_TYPES, REQUEST, "not.a.token", grpc.StatusCode.UNAUTHENTICATED),
        ("expired_token_unauthenticated", LIST_IDENTIFIER_TYPES, REQUEST, os.environ["TOKEN_EXPIRED"], grpc.StatusCode.UNAUTHENTICATED),
        ("wrong_role_permission_denied", LIST_IDENTIFIER_TYPES, REQUEST, os.environ["TOKEN_AGENT"], grpc.StatusCode.PERMISSION_DENIED),
        ("other_account_permission_denied", LIST_IDENTIFIER_TYPES, REQUEST, os.environ["TOKEN_OTHER_ACCOUNT"], grpc.StatusCode.PERMISSION_DENIED),
        ("right_role_ok", LIST_IDENTIFIER_TYPES, REQUEST, os.environ["TOKEN_ADMIN"], grpc.StatusCode.OK),
    ]
    failed = 0
    for name, method, request, token, expected in cases:
        code, details = call(channel, method, request, token)
        if code == expected:
            print("PASS " + name)
        else:
            failed += 1
            print("FAIL %s: expected %s, got %s %r" % (name, expected.name, code.name, details))
    print("%d passed, %d failed" % (len(cases) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
