# Two S3 buckets from a Config snapshot: one locked down (TLS-only policy, versioning with MFA delete, logging, lifecycle, Object Lock, KMS), one public (grants to AllUsers in a double-encoded ACL, an open policy, versioning Off, an empty logging configuration, AES256).
# args: evaluate inputs/s3_buckets.json
