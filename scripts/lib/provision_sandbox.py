#!/usr/bin/env python3
"""Publishes a sandbox's model as a 3scale product through the admin API alone,
the steps of the lab (and of Tests/SandboxTests/LabTests.swift): backend, product,
backend usage, methods and mapping rules, user key in the Authorization header,
remove-bearer policy chain, plan, deploy, promote, user1's service subscription and
application. Used by scripts/bench until the admin `apply` verb lands.

    provision_sandbox.py ADMIN_URL ACCESS_TOKEN MODEL_URL   ->  prints "GATEWAY_URL USER_KEY"
"""
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

RULES = [
    ("GET", "/health", "health", "Health"), ("POST", "/tokenize", "tokenize", "Tokenize"),
    ("POST", "/detokenize", "detokenize", "Detokenize"), ("GET", "/v1/models", "models", "Models"),
    ("GET", "/version", "version", "Version"),
    ("POST", "/v1/chat/completions", "chat/completions", "Chat Completions"),
    ("POST", "/v1/completions", "completions", "Completions"),
    ("POST", "/v1/embeddings", "embeddings", "Embeddings"),
]
POLICIES = [
    {"name": "cors", "version": "builtin", "enabled": True, "configuration": {
        "allow_credentials": True, "allow_headers": ["Authorization", "Content-type", "Accept"],
        "allow_methods": [], "allow_origin": "*"}},
    {"name": "remove-bearer", "version": "0.1", "enabled": True, "configuration": {}},
    {"name": "apicast", "version": "builtin", "enabled": True, "configuration": {}},
    {"name": "upstream_connection", "version": "builtin", "enabled": True, "configuration": {
        "connect_timeout": 180, "read_timeout": 180, "send_timeout": 180}},
]


class Admin:
    def __init__(self, url, token):
        self.url, self.token = url.rstrip("/"), token

    def call(self, method, resource, **form):
        fields = urllib.parse.urlencode(list(form.items()) + [("access_token", self.token)])
        url, body = self.url + resource, None
        if method in ("GET", "DELETE"):
            url += "?" + fields
        else:
            body = fields.encode()
        request = urllib.request.Request(url, data=body, method=method)
        if body is not None:
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
        except urllib.error.HTTPError as error:
            sys.exit(f"provision: {method} {resource} answered {error.code}: {error.read()[:300]!r}")
        return json.loads(text) if text.strip() else {}


def provision(admin, model_url):
    backend = admin.call("POST", "/admin/api/backend_apis.json", name="Bench", system_name="bench",
                         private_endpoint=model_url)["backend_api"]["id"]
    service = admin.call("POST", "/admin/api/services.json", name="Bench", system_name="bench")["service"]["id"]
    s = f"/admin/api/services/{service}"
    admin.call("POST", f"{s}/backend_usages.json", backend_api_id=backend, path="/")
    hits = next(m["metric"]["id"] for m in admin.call("GET", f"{s}/metrics.json")["metrics"]
                if m["metric"]["system_name"] == "hits")
    for rule in admin.call("GET", f"{s}/proxy/mapping_rules.json").get("mapping_rules", []):
        admin.call("DELETE", f"{s}/proxy/mapping_rules/{rule['mapping_rule']['id']}.json")
    for method, pattern, name, friendly in RULES:
        metric = admin.call("POST", f"{s}/metrics/{hits}/methods.json", friendly_name=friendly, system_name=name)
        admin.call("POST", f"{s}/proxy/mapping_rules.json", http_method=method, pattern=pattern, delta=1,
                   metric_id=metric["method"]["id"])
    admin.call("PUT", f"{s}/proxy.json", **{"proxy[credentials_location]": "headers",
                                             "proxy[auth_user_key]": "Authorization"})
    admin.call("PUT", f"{s}/proxy/policies.json", policies_config=json.dumps(POLICIES))
    plan = admin.call("POST", f"{s}/application_plans.json", name="Standard Plan", system_name="standard",
                      approval_required="false", state_event="publish")["application_plan"]["id"]
    admin.call("POST", f"{s}/proxy/deploy.json")
    version = admin.call("GET", f"{s}/proxy/configs/sandbox/latest.json")["proxy_config"]["version"]
    admin.call("POST", f"{s}/proxy/configs/sandbox/{version}/promote.json", to="production")
    account = admin.call("GET", "/admin/api/accounts/find.json", username="user1")["account"]["id"]
    default_plan = next(p["service_plan"]["id"] for p in admin.call("GET", f"{s}/service_plans.json")["plans"]
                        if p["service_plan"]["name"] == "Default")
    admin.call("POST", f"/admin/api/accounts/{account}/service_subscriptions.json", plan_id=default_plan)
    key = admin.call("POST", f"/admin/api/accounts/{account}/applications.json", plan_id=plan,
                     name="Bench application")["application"]["user_key"]
    endpoint = admin.call("GET", f"{s}/proxy.json")["proxy"]["endpoint"]
    return endpoint, key


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    gateway, key = provision(Admin(sys.argv[1], sys.argv[2]), sys.argv[3])
    print(gateway, key)
