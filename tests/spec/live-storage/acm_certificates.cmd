# ACM certificates from AWS Config: key algorithm, transparency logging preference and names.
# args: evaluate inputs/acm_certificates.json
