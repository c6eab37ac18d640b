# Several reports in one run: stdout keeps --format, each --output FORMAT=PATH gets its own.
# args: evaluate --rules rules/ci.edict --rule CI_BUCKET_OWNER --quiet --output json=out.json --output sarif=out.sarif --output junit=out.xml --output github=out.github --output text=out.txt inputs/plan.json
# file: out.json
# file: out.sarif
# file: out.xml
# file: out.github
# file: out.txt
