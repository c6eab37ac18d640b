"""AWS Config custom rule backed by edict: runs `edict config-rule` on the invoking event and
sends the evaluation it prints with PutEvaluations. Packaged by scripts/package-lambda.sh; see
docs/aws-config-rule.md for the deployment.

Environment: EDICT_RULE (optional) one rule id or glob, so that one Config rule reports one edict
rule; EDICT_RULES (optional) a rule file or directory instead of the library built into edict;
EDICT_RESOURCE_TYPES (scheduled rules) comma-separated AWS types to evaluate; EDICT_BINARY
(tests) an edict to run instead of the one in the zip.
"""
import datetime
import json
import os
import subprocess
import tempfile

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
# PutEvaluations takes at most 100 evaluations per call.
BATCH = 100


def edict_command():
    """The command line that starts edict: the zip's binary through the loader shipped beside it
    (so the host's C library does not matter), or EDICT_BINARY as it is."""
    if os.environ.get("EDICT_BINARY"):
        return [os.environ["EDICT_BINARY"]]
    lib = os.path.join(HERE, "lib")
    return [os.path.join(lib, "ld-linux-x86-64.so.2"), "--library-path", lib, os.path.join(HERE, "bin", "edict")]


def _json_default(value):
    # boto3 returns timestamps as datetime objects; Config items carry them as ISO 8601 text.
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__}")


def run_config_rule(event, item=None):
    """The PutEvaluations body edict prints for `event`; `item` is the configuration item when
    the event does not carry it (oversized or scheduled)."""
    cmd = edict_command() + ["config-rule", "--event", "-"]
    if os.environ.get("EDICT_RULE"):
        cmd += ["--rule", os.environ["EDICT_RULE"]]
    if os.environ.get("EDICT_RULES"):
        cmd += ["--rules", os.environ["EDICT_RULES"]]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        item_path = f.name
        if item is not None:
            json.dump(item, f, default=_json_default)
    try:
        if item is not None:
            cmd += ["--item", item_path]
        proc = subprocess.run(cmd, input=json.dumps(event).encode(), capture_output=True, timeout=60)
    finally:
        os.unlink(item_path)
    stderr = proc.stderr.decode(errors="replace").strip()
    if proc.returncode != 0:
        raise RuntimeError(f"edict config-rule exited with {proc.returncode}: {stderr}")
    if stderr:
        print(stderr)  # loader notes (unmapped types, deleted items) end up in CloudWatch Logs
    return json.loads(proc.stdout)


def fetch_item(config, resource_type, resource_id):
    """The latest recorded configuration item of one resource (Config's API, not the event)."""
    history = config.get_resource_config_history(resourceType=resource_type, resourceId=resource_id, limit=1)
    items = history.get("configurationItems", [])
    if not items:
        raise RuntimeError(f"Config has no configuration item for {resource_type} {resource_id}")
    return items[0]


def scheduled_evaluations(config, event, invoking):
    """A periodic run: every recorded resource of EDICT_RESOURCE_TYPES, one edict run each, with
    the item handed over as an oversized notification's would be."""
    types = [t.strip() for t in os.environ.get("EDICT_RESOURCE_TYPES", "").split(",") if t.strip()]
    if not types:
        raise RuntimeError("a scheduled rule needs EDICT_RESOURCE_TYPES (e.g. AWS::EC2::Volume,AWS::S3::Bucket)")
    evaluations = []
    for resource_type in types:
        for page in config.get_paginator("list_discovered_resources").paginate(resourceType=resource_type):
            for ident in page.get("resourceIdentifiers", []):
                item = fetch_item(config, resource_type, ident["resourceId"])
                summary_event = dict(event)
                summary_event["invokingEvent"] = json.dumps({
                    "messageType": "OversizedConfigurationItemChangeNotification",
                    "notificationCreationTime": invoking.get("notificationCreationTime"),
                    "configurationItemSummary": {
                        "resourceType": resource_type,
                        "resourceId": ident["resourceId"],
                        "configurationItemCaptureTime": invoking.get("notificationCreationTime"),
                    },
                })
                evaluations += run_config_rule(summary_event, item)["Evaluations"]
    return evaluations


def lambda_handler(event, context, config=None):
    """The Lambda entry point: evaluate, then report to Config. Returns the evaluations sent."""
    config = config or boto3.client("config")
    invoking = json.loads(event["invokingEvent"])
    message_type = invoking.get("messageType")
    token = event.get("resultToken", "")
    # An event whose resource left the rule's scope goes to edict as it is: edict answers
    # NOT_APPLICABLE without evaluating (or fetching) the item.
    if message_type == "ScheduledNotification":
        evaluations = scheduled_evaluations(config, event, invoking)
    elif message_type == "OversizedConfigurationItemChangeNotification" and not event.get("eventLeftScope"):
        summary = invoking["configurationItemSummary"]
        item = fetch_item(config, summary["resourceType"], summary["resourceId"])
        evaluations = run_config_rule(event, item)["Evaluations"]
    else:
        evaluations = run_config_rule(event)["Evaluations"]
    for start in range(0, len(evaluations), BATCH):
        response = config.put_evaluations(Evaluations=evaluations[start:start + BATCH], ResultToken=token)
        failed = response.get("FailedEvaluations", [])
        if failed:
            raise RuntimeError(f"Config rejected {len(failed)} evaluation(s): {failed}")
    return evaluations
