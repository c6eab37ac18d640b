# edict custodian run: Custodian's output layout (report and matched resources with their actions), custodian input.
# args: custodian run --output-dir /tmp/edict-spec-c7n-run-custodian policies/seeds.yml inputs/s3/resources.json
# file: /tmp/edict-spec-c7n-run-custodian/report.md
# file: /tmp/edict-spec-c7n-run-custodian/s3-no-public-access/resources.json
