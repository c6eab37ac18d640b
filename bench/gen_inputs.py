#!/usr/bin/env python3
"""Seeded inputs for bench/run.sh: Terraform plans, AWS Config snapshots and templated rule sets.

  gen_inputs.py plan --groups N [--seed S] --out FILE    a `terraform show -json` plan
  gen_inputs.py config --items N [--seed S] --out FILE   an AWS Config snapshot file (delivery dialect)
  gen_inputs.py rules --count N --library DIR --out DIR  N rules made from the library's rules

A plan "group" is one logical thing (a bucket with its encryption and access block, a security
group with a rule, a volume, ...), so a plan has about 1.3 resources per group; every resource
appears where Terraform writes it (resource_changes, planned_values, prior_state for updates,
configuration). About one in five groups breaks a common control, so rules have failures to report.
The same seed gives the same bytes.
"""
import argparse
import json
import os
import random
import re
import sys

REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2"]


def labels(rng, n):
    return {"Name": f"item-{n}", "Stage": rng.choice(["prod", "prod", "test", "dev"]),
            "Owner": rng.choice(["platform", "analytics", "payments"]), "Cost": f"cc-{n % 83}"}


# ---- Terraform plan ------------------------------------------------------------------------------

def tf_group(rng, n, good):
    """The resources of group n: (type, name, after values, unknown keys, references)."""
    kind = rng.randrange(8)
    t = labels(rng, n)
    if kind == 0:
        b = f"data{n}"
        out = [("aws_s3_bucket", b, {"bucket": f"org-{n}-{rng.randrange(10**5)}", "force_destroy": False,
                                      "tags": t, "tags_all": t, "object_lock_enabled": None}, ["id", "arn"], {})]
        ref = {"bucket": [f"aws_s3_bucket.{b}.id", f"aws_s3_bucket.{b}"]}
        if good or rng.random() < 0.4:
            algo = rng.choice(["aws:kms", "AES256"])
            out.append(("aws_s3_bucket_server_side_encryption_configuration", b,
                        {"bucket": None, "expected_bucket_owner": None,
                         "rule": [{"bucket_key_enabled": True, "apply_server_side_encryption_by_default":
                                   [{"sse_algorithm": algo, "kms_master_key_id": None}]}]}, ["bucket"], ref))
        out.append(("aws_s3_bucket_public_access_block", b,
                    {"bucket": None, "block_public_acls": True, "ignore_public_acls": True,
                     "block_public_policy": good or rng.random() < 0.3, "restrict_public_buckets": good},
                    ["bucket"], ref))
        return out
    if kind == 1:
        return [("aws_ebs_volume", f"disk{n}", {"availability_zone": "us-east-1b", "size": rng.choice([10, 50, 200]),
                                                 "type": "gp3", "encrypted": True if good else rng.choice([False, None]),
                                                 "kms_key_id": None, "iops": 3000, "snapshot_id": None, "tags": t},
                 ["id", "arn"], {})]
    if kind == 2:
        return [("aws_db_instance", f"db{n}", {"identifier": f"db-{n}", "engine": rng.choice(["mysql", "postgres"]),
                                                "instance_class": "db.m6g.large", "allocated_storage": 50,
                                                "storage_encrypted": good, "multi_az": good,
                                                "publicly_accessible": (not good) and rng.random() < 0.5,
                                                "backup_retention_period": 14 if good else 0,
                                                "deletion_protection": good, "tags": t, "tags_all": t},
                 ["id", "arn", "endpoint"], {})]
    if kind == 3:
        port = 443 if good else rng.choice([22, 3389, 5432])
        sg = f"edge{n}"
        return [("aws_security_group", sg, {"name": f"edge-{n}", "description": "edge", "vpc_id": "vpc-0a1b2c",
                                             "ingress": [{"from_port": port, "to_port": port, "protocol": "tcp",
                                                          "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [],
                                                          "prefix_list_ids": [], "security_groups": [],
                                                          "self": False, "description": "in"}],
                                             "egress": [{"from_port": 0, "to_port": 0, "protocol": "-1",
                                                         "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": [],
                                                         "prefix_list_ids": [], "security_groups": [],
                                                         "self": False, "description": "out"}], "tags": t},
                 ["id", "arn"], {}),
                ("aws_security_group_rule", f"edge{n}_in",
                 {"type": "ingress", "from_port": port, "to_port": port, "protocol": "tcp",
                  "cidr_blocks": ["0.0.0.0/0"], "security_group_id": None, "description": "extra"},
                 ["id", "security_group_id"], {"security_group_id": [f"aws_security_group.{sg}.id"]})]
    if kind == 4:
        doc = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*",
                                                       "Action": "ec2:Describe*" if good else "*"}]}
        return [("aws_iam_policy", f"pol{n}", {"name": f"pol-{n}", "path": "/", "policy": json.dumps(doc), "tags": t},
                 ["id", "arn"], {})]
    if kind == 5:
        return [("aws_instance", f"vm{n}", {"ami": "ami-0123456789abcdef0", "instance_type": "t3.small",
                                             "associate_public_ip_address": not good, "monitoring": good,
                                             "metadata_options": [{"http_tokens": "required" if good else "optional",
                                                                   "http_endpoint": "enabled"}],
                                             "root_block_device": [{"encrypted": good, "volume_size": 20}], "tags": t},
                 ["id", "arn", "private_ip"], {})]
    kind_type = rng.choice(["aws_sqs_queue", "aws_sns_topic", "aws_cloudwatch_log_group"])
    return [(kind_type, f"misc{n}", {"name": f"misc-{n}", "retention_in_days": rng.choice([7, 30, 365]),
                                      "kms_master_key_id": None if not good else "alias/aws/sqs", "tags": t},
             ["id", "arn"], {})]


def dump(value):
    return json.dumps(value, separators=(",", ":"))


def module_tree(entries, key):
    """The JSON text of a module tree holding `entries`, (module or None, item JSON text) pairs."""
    root, children = [], {}
    for module, item in entries:
        (root if module is None else children.setdefault(module, [])).append(item)
    text = '{"%s":[%s]' % (key, ",".join(root))
    if children:
        text += ',"child_modules":[' + ",".join(
            '{"%s":[%s],"address":%s}' % (key, ",".join(items), dump(m)) for m, items in children.items()) + "]"
    return text + "}"


def write_plan(groups, seed, out):
    """Writes the plan section by section; each entry is kept as text, so a 250k-group plan fits
    in memory (as Python objects it would not, comfortably)."""
    rng = random.Random(seed)
    changes, planned, prior, config = [], [], [], []
    calls = {}
    for n in range(groups):
        good = rng.random() >= 0.2
        module = f"module.svc_{n // 400}" if (n // 200) % 2 else None
        for rtype, name, values, unknown, refs in tf_group(rng, n, good):
            count = n % 2 if rng.random() < 0.08 else None
            local = f"{rtype}.{name}" + (f"[{count}]" if count is not None else "")
            address = f"{module}.{local}" if module else local
            updated = rng.random() < 0.12
            after = dict(values)
            for k in refs:
                after[k] = None
            change = {"address": address, "mode": "managed", "type": rtype, "name": name,
                      "provider_name": "registry.terraform.io/hashicorp/aws",
                      "change": {"actions": ["update"] if updated else ["create"],
                                 "before": dict(values) if updated else None, "after": after,
                                 "after_unknown": {k: True for k in unknown},
                                 "before_sensitive": {} if updated else False,
                                 "after_sensitive": {"tags": {}} if "tags" in values else {}}}
            if count is not None:
                change["index"] = count
            if module:
                change["module_address"] = module
            changes.append((address, dump(change)))
            pv = {"address": address, "mode": "managed", "type": rtype, "name": name, "schema_version": 0,
                  "provider_name": "registry.terraform.io/hashicorp/aws", "values": after, "sensitive_values": {}}
            if count is not None:
                pv["index"] = count
            planned.append((module, dump(pv)))
            if updated:
                prior.append((module, dump(dict(pv, values=dict(values)))))
            exprs = {k: {"constant_value": v} for k, v in values.items() if isinstance(v, (str, int, bool))}
            for k, r in refs.items():
                exprs[k] = {"references": r}
            res = dump({"address": f"{rtype}.{name}", "mode": "managed", "type": rtype, "name": name,
                        "provider_config_key": "aws", "expressions": exprs, "schema_version": 0})
            if module:
                calls.setdefault(module.split(".", 1)[1], []).append(res)
            else:
                config.append(res)
    config_text = '{"resources":[%s]' % ",".join(config)
    if calls:
        config_text += ',"module_calls":{' + ",".join(
            '%s:{"source":"./modules/svc","module":{"resources":[%s]}}' % (dump(name), ",".join(items))
            for name, items in calls.items()) + "}"
    config_text += "}"
    with open(out, "w", encoding="utf-8") as fh:
        fh.write('{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":')
        fh.write(module_tree(planned, "resources"))
        fh.write('},"resource_changes":[')
        # Terraform writes resource_changes sorted by address (bytewise, as Go compares strings).
        fh.write(",".join(text for _, text in sorted(changes, key=lambda c: c[0].encode())))
        fh.write('],"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":')
        fh.write(module_tree(prior, "resources"))
        fh.write('}},"configuration":{"provider_config":{"aws":{"name":"aws","full_name":'
                 '"registry.terraform.io/hashicorp/aws"}},"root_module":')
        fh.write(config_text)
        fh.write('},"timestamp":"2026-12-01T00:00:00Z","errored":false}')


# ---- AWS Config snapshot -------------------------------------------------------------------------

def config_item(rng, n, account):
    good = rng.random() >= 0.2
    region = rng.choice(REGIONS)
    t = labels(rng, n)
    kind = rng.randrange(4)
    item = {"configurationItemVersion": "1.3", "configurationItemCaptureTime": "2026-11-30T12:00:00.000Z",
            "configurationStateId": 1764000000000 + n, "awsAccountId": account,
            "configurationItemStatus": "OK", "awsRegion": region, "tags": t, "relatedEvents": [],
            "configurationStateMd5Hash": "", "resourceCreationTime": "2025-01-01T00:00:00.000Z"}
    if kind == 0:
        name = f"org-{n}-{rng.randrange(10**5)}"
        supp = {"BucketVersioningConfiguration": {"status": "Enabled" if good else "Off", "isMfaDeleteEnabled": None},
                "PublicAccessBlockConfiguration": {"blockPublicAcls": True, "ignorePublicAcls": True,
                                                   "blockPublicPolicy": good, "restrictPublicBuckets": good},
                "BucketLoggingConfiguration": {"destinationBucketName": None, "logFilePrefix": None}}
        if good:
            supp["ServerSideEncryptionConfiguration"] = {"rules": [{"applyServerSideEncryptionByDefault":
                                                                    {"sseAlgorithm": "aws:kms", "kmsMasterKeyID": None},
                                                                    "bucketKeyEnabled": True}]}
        item.update({"resourceType": "AWS::S3::Bucket", "resourceId": name, "resourceName": name,
                     "ARN": f"arn:aws:s3:::{name}", "availabilityZone": "Regional", "relationships": [],
                     "configuration": {"name": name, "owner": {"displayName": None, "id": "abc" + str(n)},
                                       "creationDate": "2025-01-01T00:00:00.000Z"},
                     "supplementaryConfiguration": supp})
    elif kind == 1:
        vid = f"vol-{n:017x}"
        item.update({"resourceType": "AWS::EC2::Volume", "resourceId": vid, "availabilityZone": region + "a",
                     "ARN": f"arn:aws:ec2:{region}:{account}:volume/{vid}",
                     "relationships": [{"resourceType": "AWS::EC2::Instance", "resourceId": f"i-{n:017x}",
                                        "name": "Is attached to Instance"}],
                     "configuration": {"volumeId": vid, "size": rng.choice([8, 100]), "volumeType": "gp3",
                                       "encrypted": good, "kmsKeyId": None, "iops": 3000, "state": "in-use",
                                       "availabilityZone": region + "a",
                                       "attachments": [{"instanceId": f"i-{n:017x}", "device": "/dev/xvda"}]},
                     "supplementaryConfiguration": {}})
    elif kind == 2:
        gid = f"sg-{n:017x}"
        port = 443 if good else rng.choice([22, 3389])
        perm = {"ipProtocol": "tcp", "fromPort": port, "toPort": port, "ipRanges": ["0.0.0.0/0"],
                "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [], "prefixListIds": [], "userIdGroupPairs": []}
        item.update({"resourceType": "AWS::EC2::SecurityGroup", "resourceId": gid, "resourceName": f"edge-{n}",
                     "ARN": f"arn:aws:ec2:{region}:{account}:security-group/{gid}", "availabilityZone": "Not Applicable",
                     "relationships": [{"resourceType": "AWS::EC2::VPC", "resourceId": "vpc-0a1b2c", "name": "Is contained in Vpc"}],
                     "configuration": {"groupId": gid, "groupName": f"edge-{n}", "description": "edge",
                                       "vpcId": "vpc-0a1b2c", "ownerId": account, "ipPermissions": [perm],
                                       "ipPermissionsEgress": [{"ipProtocol": "-1", "ipRanges": ["0.0.0.0/0"],
                                                                "ipv4Ranges": [{"cidrIp": "0.0.0.0/0"}], "ipv6Ranges": [],
                                                                "prefixListIds": [], "userIdGroupPairs": []}],
                                       "tags": [{"key": k, "value": v} for k, v in t.items()]},
                     "supplementaryConfiguration": {}})
    else:
        dbi = f"db-{n:026X}"
        item.update({"resourceType": "AWS::RDS::DBInstance", "resourceId": dbi, "resourceName": f"db-{n}",
                     "ARN": f"arn:aws:rds:{region}:{account}:db:db-{n}", "availabilityZone": region + "b",
                     "relationships": [],
                     "configuration": {"dBInstanceIdentifier": f"db-{n}", "dbiResourceId": dbi,
                                       "engine": "postgres", "dBInstanceClass": "db.m6g.large",
                                       "storageEncrypted": good, "multiAZ": good,
                                       "publiclyAccessible": (not good) and rng.random() < 0.5,
                                       "backupRetentionPeriod": 7 if good else 0, "deletionProtection": good,
                                       "allocatedStorage": 50},
                     "supplementaryConfiguration": {"Tags": [{"key": k, "value": v} for k, v in t.items()]}})
    return item


def config(items, seed):
    rng = random.Random(seed)
    account = "123456789012"
    return {"fileVersion": "1.0", "configSnapshotId": f"00000000-0000-4000-8000-{seed:012d}",
            "configurationItems": [config_item(rng, n, account) for n in range(items)]}


# ---- rule sets -----------------------------------------------------------------------------------

RULE_BLOCK = re.compile(r"^rule\s+([A-Za-z0-9_.-]+)\s*\{.*?^\}[ \t]*\n?", re.M | re.S)
PACKAGE = re.compile(r"^package\s+(\S+)", re.M)
IMPORT = re.compile(r"^import\s+(\S+)(\s+as\s+\w+)?", re.M)


def rules(count, library, out):
    """Copies of the whole library, each with its packages (and the imports of them) and its rule
    ids renamed, until `count` rules are written: the last copy keeps only as many rules as are
    still needed (taken round-robin over the files), but all of its defs, so that every import
    resolves."""
    files = sorted(f for f in os.listdir(library) if f.endswith(".edict"))
    texts = [(f, open(os.path.join(library, f), encoding="utf-8").read()) for f in files]
    total = sum(len(RULE_BLOCK.findall(t)) for _, t in texts)
    if total == 0:
        sys.exit(f"gen_inputs.py: no rules in {library}")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".edict"):
            os.remove(os.path.join(out, f))
    written, copy = 0, 0
    per_file = [len(RULE_BLOCK.findall(t)) for _, t in texts]
    while written < count:
        suffix = f"_t{copy}"
        # A partial copy takes its rules round-robin over the files, so it covers many types.
        quota, left = [0] * len(texts), min(count - written, total)
        while left > 0:
            for k, n in enumerate(per_file):
                if left > 0 and quota[k] < n:
                    quota[k] += 1
                    left -= 1
        for k, (f, text) in enumerate(texts):
            kept = 0

            def rule(m):
                nonlocal written, kept
                if kept >= quota[k]:
                    return ""
                kept += 1
                written += 1
                return m.group(0).replace(m.group(1), m.group(1) + suffix.replace("_", "-"), 1)
            body = RULE_BLOCK.sub(rule, text)
            body = PACKAGE.sub(lambda m: f"package {m.group(1)}{suffix}", body, count=1)
            body = IMPORT.sub(lambda m: f"import {m.group(1)}{suffix}" +
                              (m.group(2) or " as " + m.group(1).rsplit(".", 1)[-1]), body)
            if not re.search(r"^(rule|def)\s", body, re.M):
                continue  # all its rules were dropped and it has no defs: nothing to write
            with open(os.path.join(out, f"t{copy}_{f}"), "w", encoding="utf-8") as fh:
                fh.write(body)
        copy += 1
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--groups", type=int, required=True)
    c = sub.add_parser("config")
    c.add_argument("--items", type=int, required=True)
    for s in (p, c):
        s.add_argument("--seed", type=int, default=11)
        s.add_argument("--out", required=True)
    r = sub.add_parser("rules")
    r.add_argument("--count", type=int, required=True)
    r.add_argument("--library", required=True)
    r.add_argument("--out", required=True)
    args = ap.parse_args()
    if args.what == "rules":
        print(rules(args.count, args.library, args.out))
        return
    if args.what == "plan":
        write_plan(args.groups, args.seed, args.out)
        return
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(config(args.items, args.seed), fh, separators=(",", ":"))


if __name__ == "__main__":
    main()
