# diff: a path that does not exist is not a repository either.
# args: diff --repo no-such-dir HEAD~1 HEAD
