# eval --input with a duplicate key (eval used to keep both).
# args: eval --input inputs/dup_key_doc.json a
