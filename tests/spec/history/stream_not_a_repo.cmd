# stream: a directory that is not a repository root exits 2 (no search upwards).
# args: stream --repo .
