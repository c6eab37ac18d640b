# edict custodian run: Custodian's output layout (report and matched resources with their actions), plan input.
# args: custodian run --output-dir /tmp/edict-spec-c7n-run-plan policies/seeds.yml inputs/s3_plan.json
# file: /tmp/edict-spec-c7n-run-plan/report.md
# file: /tmp/edict-spec-c7n-run-plan/s3-no-public-access/resources.json
