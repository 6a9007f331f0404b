// exceljs merely loading a workbook (the old read path), for comparison: node bench/exceljs-load.js FILE
'use strict';
const ExcelJS = require('exceljs');
new ExcelJS.Workbook().xlsx
  .load(require('fs').readFileSync(process.argv[2]), { ignoreNodes: ['dataValidations', 'conditionalFormatting', 'hyperlinks', 'extLst'] })
  .then((wb) => process.stdout.write(String(wb.worksheets.length)));
