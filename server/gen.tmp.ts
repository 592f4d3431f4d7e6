import { writeFileSync } from 'node:fs';
import { generateOpenApi } from '@mindflow/shared';
const rest = generateOpenApi({ style: 'rest', serverUrl: 'https://mindflow.example.com' });
const gas = generateOpenApi({ style: 'apps-script', serverUrl: 'https://script.google.com/macros/s/X/exec', apiKey: 'mf_key' });
writeFileSync('/tmp/arch-baseline/rest.new.json', JSON.stringify(rest, null, 2));
writeFileSync('/tmp/arch-baseline/gas.new.json', JSON.stringify(gas, null, 2));
