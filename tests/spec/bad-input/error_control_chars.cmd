# An error message quoting input text escapes it too.
# args: explain BI_DB_ENCRYPTED "aws_db_instance.x" inputs/hostile.json --rules rules/db.edict
