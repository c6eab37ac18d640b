# Custodian iam-role records hold the trust policy as an object; a * principal pinned by aws:PrincipalOrgID passes.
# args: evaluate inputs/custodian/iam-role/resources.json
