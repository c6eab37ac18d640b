// Validates SARIF logs against the SARIF 2.1.0 JSON schema that the SARIF Multitool package
// ships (sarif-2.1.0.json, JSON Schema 2020-12), with ajv. Usage: node validate.js FILE...
// Prints every violation with its JSON pointer; exits 1 if any file is invalid.
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv2020 = require('ajv/dist/2020');
const addFormats = require('ajv-formats');

const schemaFile = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')),
                             'sarif-2.1.0.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
// strict: false because the schema uses annotation keywords ajv does not know; formats are checked.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let bad = 0;
for (const file of process.argv.slice(2)) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`FAIL ${file}: not JSON: ${e.message}`);
    bad++;
    continue;
  }
  if (validate(doc)) {
    console.log(`ok   ${file}`);
    continue;
  }
  bad++;
  console.log(`FAIL ${file}`);
  for (const err of validate.errors) {
    console.log(`  ${err.instancePath || '/'}: ${err.message} ${JSON.stringify(err.params)}`);
  }
}
process.exit(bad === 0 ? 0 : 1);
