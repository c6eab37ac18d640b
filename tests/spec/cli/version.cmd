# --version prints the version.
# args: --version
