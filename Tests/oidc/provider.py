#!/usr/bin/python3
"""A small OpenID provider for the tests of ciid's SwissID login, on Authlib and Flask.

It serves HTTPS on 127.0.0.1 (the certificate and key the test gives it, issued by the tests' own
CA), on a free port that it writes to --port-file once it listens, and implements the
authorization code flow with PKCE (S256, required) and OpenID Connect (nonce required), with
client_secret_basic and client_secret_post at the token endpoint. Codes are single use.

There is no login form: /authorize logs in the subject set by POST /control (a test-only
endpoint) and redirects back at once. POST /control also makes the provider misbehave:

  {"subject": "...", "acr": "loa-3"}             who logs in, and the assurance level stated
  {"mode": "wrong_issuer" | "wrong_audience" | "bad_nonce" | "expired" | "rogue_key" | ""}
  {"rotate": true}                               a new signing key (new kid); the old one is removed

GET /stats answers how many times the keys were fetched.
"""

import argparse
import json
import secrets
import threading
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.jose import JsonWebKey
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6749.models import ClientMixin, AuthorizationCodeMixin
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core import grants as oidc_grants
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

parser = argparse.ArgumentParser()
parser.add_argument("--certificate", required=True)
parser.add_argument("--key", required=True)
parser.add_argument("--port-file", required=True)
parser.add_argument("--client-id", required=True)
parser.add_argument("--client-secret", required=True)
parser.add_argument("--redirect-uri", required=True)
arguments = parser.parse_args()

lock = threading.Lock()
state = {
    "issuer": "",
    "subject": "swissid-subject-1",
    "acr": "loa-3",
    "mode": "",
    "key": JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "key-1"}),
    "generation": 1,
    "jwks_fetches": 0,
}
codes = {}  # code -> AuthorizationCode, removed when used


def new_key():
    state["generation"] += 1
    return JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "key-%d" % state["generation"]})


class Client(ClientMixin):
    def get_client_id(self):
        return arguments.client_id

    def get_default_redirect_uri(self):
        return arguments.redirect_uri

    def get_allowed_scope(self, scope):
        return " ".join(s for s in scope.split() if s in ("openid", "profile", "email"))

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == arguments.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, arguments.client_secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


CLIENT = Client()


class AuthorizationCode(AuthorizationCodeMixin):
    def __init__(self, code, request, user):
        self.code = code
        self.client_id = request.client_id
        self.redirect_uri = request.redirect_uri
        self.scope = request.scope
        self.nonce = request.data.get("nonce")
        self.code_challenge = request.data.get("code_challenge")
        self.code_challenge_method = request.data.get("code_challenge_method")
        self.user = user
        self.auth_time = int(time.time())

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, request):
        with lock:
            codes[code] = AuthorizationCode(code, request, request.user)

    def query_authorization_code(self, code, client):
        with lock:
            return codes.get(code)

    def delete_authorization_code(self, authorization_code):
        with lock:
            codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


class OpenIDCode(oidc_grants.OpenIDCode):
    def exists_nonce(self, nonce, request):
        return False

    def get_jwt_config(self, grant):
        with lock:
            key = state["key"]
            if state["mode"] == "rogue_key":
                # Same kid as the published key, other key material: the signature cannot verify.
                key = JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": key.kid})
            return {"key": key, "alg": "RS256", "iss": state["issuer"], "exp": 300}

    def generate_user_info(self, user, scope):
        # generate_id_token puts these over its own claims: the way to misbehave.
        with lock:
            mode, acr = state["mode"], state["acr"]
        info = UserInfo(sub=user)
        if acr:
            info["acr"] = acr
        now = int(time.time())
        if mode == "wrong_issuer":
            info["iss"] = "https://impostor.invalid"
        elif mode == "wrong_audience":
            info["aud"] = ["another-client"]
        elif mode == "bad_nonce":
            info["nonce"] = "not-the-nonce-of-this-login"
        elif mode == "expired":
            info["iat"] = now - 3600
            info["exp"] = now - 600
        return info


app = Flask(__name__)
server = AuthorizationServer(app, query_client=lambda client_id: CLIENT if client_id == arguments.client_id else None, save_token=lambda token, request: None)
server.register_grant(CodeGrant, [CodeChallenge(required=True), OpenIDCode(require_nonce=True)])


@app.get("/.well-known/openid-configuration")
def discovery():
    issuer = state["issuer"]
    return jsonify(
        issuer=issuer,
        authorization_endpoint=issuer + "/authorize",
        token_endpoint=issuer + "/token",
        jwks_uri=issuer + "/jwks",
        response_types_supported=["code"],
        subject_types_supported=["pairwise"],
        id_token_signing_alg_values_supported=["RS256"],
        code_challenge_methods_supported=["S256"],
        token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
    )


@app.get("/jwks")
def jwks():
    with lock:
        state["jwks_fetches"] += 1
        public = dict(state["key"].as_dict(is_private=False), alg="RS256", use="sig")
    return jsonify(keys=[public])


@app.get("/authorize")
def authorize():
    with lock:
        subject = state["subject"]
    response = server.create_authorization_response(grant_user=subject)
    if response.status_code == 302:
        # The body repeats the redirect, for the tests' HTTP client, which reads no headers.
        response.set_data(response.headers["Location"])
    return response


@app.post("/token")
def token():
    return server.create_token_response()


@app.post("/control")
def control():
    body = request.get_json(force=True)
    with lock:
        for name in ("subject", "acr", "mode"):
            if name in body:
                state[name] = body[name]
        if body.get("rotate"):
            state["key"] = new_key()
        return jsonify(kid=state["key"].kid, mode=state["mode"])


@app.get("/stats")
def stats():
    with lock:
        return jsonify(jwks_fetches=state["jwks_fetches"], kid=state["key"].kid)


http = make_server("127.0.0.1", 0, app, threaded=True, ssl_context=(arguments.certificate, arguments.key))
state["issuer"] = "https://localhost:%d" % http.server_port
with open(arguments.port_file + ".tmp", "w") as out:
    out.write(str(http.server_port))
import os

os.rename(arguments.port_file + ".tmp", arguments.port_file)
http.serve_forever()
