# edict custodian run: Custodian's output layout (report and matched resources with their actions), config input.
# args: custodian run --output-dir /tmp/edict-spec-c7n-run-config policies/seeds.yml inputs/s3_config.json
# file: /tmp/edict-spec-c7n-run-config/report.md
# file: /tmp/edict-spec-c7n-run-config/s3-no-public-access/resources.json
