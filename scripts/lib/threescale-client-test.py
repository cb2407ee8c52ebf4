#!/usr/bin/env python3
"""Drives a running sandbox with 3scale QE's own Python client (`3scale-api`, imported as
`threescale_api`), as a real 3scale would be driven: the client's readiness probe, then
backend, product, backend usage, method, mapping rule, user key in the Authorization
header, policy chain, application plan, limit, ActiveDoc, deploy, promote, developer
account, application, and calls through the product's production gateway with the key.

    ADMIN_URL=… ADMIN_TOKEN=… MODEL_URL=… threescale-client-test.py

Prints one line per step; any failure raises (exit status 1). The token and the key are
never printed.
"""
import json
import os
import time

import requests
import threescale_api

# The readiness probe polls every 6 s until the tenant looks ready: a ready one answers the first time.
PROBE_LIMIT_SECONDS = 5


def step(message):
    print(f"ok: {message}", flush=True)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    admin_url, token, model_url = os.environ["ADMIN_URL"], os.environ["ADMIN_TOKEN"], os.environ["MODEL_URL"]
    suffix = str(int(time.time() * 1000))

    started = time.monotonic()
    client = threescale_api.ThreeScaleClient(admin_url, token, ssl_verify=False, wait=0)
    probe = time.monotonic() - started
    check(probe < PROBE_LIMIT_SECONDS, f"the readiness probe took {probe:.1f} s")
    step(f"readiness probe answered in {probe:.2f} s")

    backend = client.backends.create(params={"name": f"py backend {suffix}", "private_endpoint": model_url})
    step(f"backend {backend['system_name']} (id {backend['id']})")

    service = client.services.create(params={"name": f"py product {suffix}", "system_name": f"py_product_{suffix}"})
    usage = service.backend_usages.create(params={"backend_api_id": backend["id"], "path": "/"})
    check(usage["path"] == "/", f"backend usage at {usage['path']}")
    step(f"product {service['system_name']} (id {service['id']}) on the backend at /")

    hits = service.metrics.read_by_name("hits")
    method = hits.methods.create(params={"friendly_name": "Models", "system_name": "models"})
    proxy = service.proxy.list()
    for rule in proxy.mapping_rules.list():
        rule.delete()
    proxy.mapping_rules.create(params={"http_method": "GET", "pattern": "/v1/models", "metric_id": method["id"], "delta": 1})
    check([r["pattern"] for r in proxy.mapping_rules.list()] == ["/v1/models"], "mapping rules")
    step("method models, mapping rule GET /v1/models")

    proxy = proxy.update(params={"credentials_location": "headers", "auth_user_key": "Authorization"})
    check(proxy["credentials_location"] == "headers", "credentials location")
    proxy.policies.insert(0, {"name": "remove-bearer", "version": "0.1", "configuration": {}, "enabled": True})
    chain = [policy["name"] for policy in proxy.policies.list()["policies_config"]]
    check(chain == ["remove-bearer", "apicast"], f"policy chain {chain}")
    step(f"user key in Authorization, policy chain {', '.join(chain)}")

    plan = service.app_plans.create(params={"name": f"py plan {suffix}", "state_event": "publish"})
    limit = plan.limits(method).create(params={"period": "minute", "value": 2})
    check(limit["value"] == 2, "limit value")
    step(f"application plan {plan['system_name']} (id {plan['id']}), 2 models a minute")

    document = {"swagger": "2.0", "info": {"title": "py", "version": "1"}, "paths": {"/v1/models": {"get": {}}}}
    doc = client.active_docs.create(params={
        "name": f"py doc {suffix}", "service_id": service["id"], "body": json.dumps(document),
        "published": True, "skip_swagger_validations": True,
    })
    check(doc["service_id"] == service["id"], "ActiveDoc product")
    step(f"ActiveDoc {doc['system_name']} (id {doc['id']})")

    proxy.deploy()
    latest = proxy.configs.latest(env="sandbox")
    proxy.configs.promote(version=latest["version"], from_env="sandbox", to_env="production")
    production = proxy.configs.latest(env="production")
    check(production["version"] == latest["version"], "promoted version")
    step(f"deployed and promoted version {latest['version']}")

    account = client.accounts.create(params={
        "org_name": f"pyorg{suffix}", "username": f"pyuser{suffix}", "email": f"py{suffix}@example.com",
        "password": f"Pw-{suffix}",
    })
    app = account.applications.create(params={"plan_id": plan["id"], "name": f"py app {suffix}", "description": "py"})
    key = app["user_key"]
    step(f"account {account['org_name']} (id {account['id']}), application id {app['id']}")

    gateway = service.proxy.list()["endpoint"]
    with requests.Session() as session:
        statuses = [session.get(gateway + "/v1/models", headers={"Authorization": f"Bearer {key}"}, timeout=30)
                    for _ in range(3)]
    codes = [reply.status_code for reply in statuses]
    check(codes == [200, 200, 429], f"the gateway answered {codes}")
    models = [model["id"] for model in statuses[0].json()["data"]]
    denied = requests.get(gateway + "/v1/models", headers={"Authorization": "Bearer wrong"}, timeout=30)
    check(denied.status_code == 403, f"a wrong key got {denied.status_code}")
    step(f"gateway GET /v1/models with the key: 200 twice ({', '.join(models)}), then 429 (the limit); a wrong key 403")


if __name__ == "__main__":
    main()
