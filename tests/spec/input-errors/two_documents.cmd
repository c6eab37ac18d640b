# Two JSON documents in one file (concatenated output): text after the first document.
# args: evaluate inputs/two_documents.json
