"""The AWS Config Lambda handler (lambda/handler.py) with the real edict and botocore's Stubber,
which checks every Config API call against AWS's published service model.
Usage: lambda_handler_test.py EDICT_BINARY|UNPACKED_ZIP_DIR SOURCE_DIR (exit 77: skipped, boto3
missing). Given the unpacked Lambda zip, the handler in it runs its own edict (as in Lambda)."""
import datetime
import json
import os
import sys
import unittest

try:
    import boto3
    from botocore.stub import ANY, Stubber
except ImportError:
    print("skipped: python3-boto3 is not installed")
    sys.exit(77)

EDICT, SOURCE = sys.argv[1], sys.argv[2]
INPUTS = os.path.join(SOURCE, "tests", "spec", "live", "inputs")
ZIP_DIR = EDICT if os.path.isdir(EDICT) else None
sys.path.insert(0, ZIP_DIR or os.path.join(SOURCE, "lambda"))
import handler  # noqa: E402


def event(name):
    with open(os.path.join(INPUTS, name)) as f:
        return json.load(f)


def evaluation(kind, resource_id, compliance, annotation=ANY, when="2026-01-05T10:00:00.000Z"):
    return {"ComplianceResourceType": kind, "ComplianceResourceId": resource_id, "ComplianceType": compliance,
            "Annotation": annotation, "OrderingTimestamp": when}


class HandlerTest(unittest.TestCase):
    def setUp(self):
        if ZIP_DIR:
            os.environ.pop("EDICT_BINARY", None)
        else:
            os.environ["EDICT_BINARY"] = EDICT
        os.environ.pop("EDICT_RULE", None)
        # The Stubber answers before anything is signed or sent; the client still needs a region.
        self.config = boto3.client("config", region_name="eu-west-1", aws_access_key_id="test",
                                   aws_secret_access_key="test")
        self.stub = Stubber(self.config)

    def tearDown(self):
        self.stub.assert_no_pending_responses()

    def expect_put(self, evaluations, token):
        self.stub.add_response("put_evaluations", {"FailedEvaluations": []},
                               {"Evaluations": evaluations, "ResultToken": token})

    def run_handler(self, ev):
        with self.stub:
            return handler.lambda_handler(ev, None, config=self.config)

    def test_compliant(self):
        self.expect_put([evaluation("AWS::EC2::Volume", "vol-0b2", "COMPLIANT", "1 rule passes")], "token")
        self.run_handler(event("rule_event.json"))

    def test_non_compliant(self):
        self.expect_put([evaluation("AWS::EC2::Volume", "vol-0c3", "NON_COMPLIANT")], "token-2")
        sent = self.run_handler(event("rule_event_noncompliant.json"))
        self.assertIn("ebs-encryption-at-rest", sent[0]["Annotation"])
        self.assertIn("not encrypted", sent[0]["Annotation"])

    def test_out_of_scope(self):
        # The same unencrypted volume, but it left the rule's scope: NOT_APPLICABLE, not evaluated.
        self.expect_put([evaluation("AWS::EC2::Volume", "vol-0c3", "NOT_APPLICABLE",
                                    "the resource left the scope of this rule")], "token-left")
        self.run_handler(event("rule_event_left_scope.json"))

    def test_oversized_item_is_fetched(self):
        with open(os.path.join(INPUTS, "oversized_item.json")) as f:
            snapshot = json.load(f)
        # The item as GetResourceConfigHistory returns it (its own key names, timestamps as
        # datetimes, the configuration as a JSON string); the Stubber rejects any other shape.
        item = {
            "version": snapshot["configurationItemVersion"],
            "accountId": snapshot["awsAccountId"],
            "configurationItemCaptureTime": datetime.datetime(2026, 1, 5, 10, 0, tzinfo=datetime.timezone.utc),
            "configurationItemStatus": "OK",
            "configurationStateId": str(snapshot["configurationStateId"]),
            "arn": snapshot["ARN"],
            "resourceType": snapshot["resourceType"],
            "resourceId": snapshot["resourceId"],
            "awsRegion": snapshot["awsRegion"],
            "availabilityZone": snapshot["availabilityZone"],
            "tags": snapshot["tags"],
            "relationships": [],
            "configuration": json.dumps(snapshot["configuration"]),
            "supplementaryConfiguration": {},
        }
        self.stub.add_response("get_resource_config_history", {"configurationItems": [item]},
                               {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-0d4", "limit": 1})
        self.expect_put([evaluation("AWS::EC2::Volume", "vol-0d4", "NON_COMPLIANT")], "token")
        sent = self.run_handler(event("rule_event_oversized.json"))
        self.assertIn("vol-0d4 is not encrypted", sent[0]["Annotation"])

    def test_scheduled(self):
        # A periodic rule: every recorded volume is fetched and evaluated, one evaluation each.
        os.environ["EDICT_RESOURCE_TYPES"] = "AWS::EC2::Volume"
        self.addCleanup(os.environ.pop, "EDICT_RESOURCE_TYPES", None)
        self.stub.add_response("list_discovered_resources", {"resourceIdentifiers": [
            {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-1"},
            {"resourceType": "AWS::EC2::Volume", "resourceId": "vol-2"}]}, {"resourceType": "AWS::EC2::Volume"})
        for vol, encrypted in (("vol-1", True), ("vol-2", False)):
            item = {"version": "1.3", "accountId": "111122223333", "configurationItemStatus": "OK",
                    "configurationItemCaptureTime": datetime.datetime(2026, 1, 6, tzinfo=datetime.timezone.utc),
                    "arn": f"arn:aws:ec2:eu-west-1:111122223333:volume/{vol}", "resourceType": "AWS::EC2::Volume",
                    "resourceId": vol, "awsRegion": "eu-west-1", "tags": {}, "relationships": [],
                    "configuration": json.dumps({"volumeId": vol, "size": 8, "encrypted": encrypted}),
                    "supplementaryConfiguration": {}}
            self.stub.add_response("get_resource_config_history", {"configurationItems": [item]},
                                   {"resourceType": "AWS::EC2::Volume", "resourceId": vol, "limit": 1})
        when = "2026-01-07T00:00:00.000Z"
        self.expect_put([evaluation("AWS::EC2::Volume", "vol-1", "COMPLIANT", "1 rule passes", when),
                         evaluation("AWS::EC2::Volume", "vol-2", "NON_COMPLIANT", ANY, when)], "token-s")
        invoking = {"awsAccountId": "111122223333", "notificationCreationTime": when,
                    "messageType": "ScheduledNotification", "recordVersion": "1.0"}
        self.run_handler({"version": "1.0", "invokingEvent": json.dumps(invoking), "ruleParameters": "{}",
                          "resultToken": "token-s", "eventLeftScope": False, "configRuleName": "edict-daily",
                          "accountId": "111122223333"})

    def test_one_rule_per_function(self):
        # EDICT_RULE: the Multi-AZ failure belongs to CUSTOM_RDS_002, not to this function's rule.
        os.environ["EDICT_RULE"] = "CUSTOM_RDS_001"
        self.expect_put([evaluation("AWS::RDS::DBInstance", "db-ABCDEFGHIJKLMNOP", "COMPLIANT", "1 rule passes",
                                    "2026-01-06T09:00:00.000Z")], "token-rds")
        self.run_handler(event("rule_event_rds.json"))

    def test_whole_library_on_the_same_item(self):
        self.expect_put([evaluation("AWS::RDS::DBInstance", "db-ABCDEFGHIJKLMNOP", "NON_COMPLIANT", ANY,
                                    "2026-01-06T09:00:00.000Z")], "token-rds")
        sent = self.run_handler(event("rule_event_rds.json"))
        self.assertTrue(sent[0]["Annotation"].startswith("CUSTOM_RDS_002"))

    def test_edict_failure_is_raised_and_nothing_sent(self):
        os.environ["EDICT_RULE"] = "NO_SUCH_RULE"
        with self.stub, self.assertRaisesRegex(RuntimeError, "exited with 2"):
            handler.lambda_handler(event("rule_event.json"), None, config=self.config)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
