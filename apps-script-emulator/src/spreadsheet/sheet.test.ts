import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function ss() { return SpreadsheetApp.getActiveSpreadsheet(); }
function tasks() { return ss().getSheetByName('Tasks'); }
function dims() { var s = tasks(); return [s.getLastRow(), s.getLastColumn(), s.getMaxRows(), s.getMaxColumns()]; }
function append(row) { tasks().appendRow(row); return dims(); }
function range(a, b, c, d) { return tasks().getRange(a, b, c, d).getA1Notation(); }
function dataRange() { return tasks().getDataRange().getA1Notation(); }
function textFirstColumnThenGrow() {
  var s = tasks();
  s.getRange(2, 1, s.getMaxRows() - 1, 1).setNumberFormat('@');
  s.insertRowsAfter(s.getMaxRows(), 5);
  s.getRange(s.getMaxRows(), 1).setValue('=1+1');
  return s.getRange(s.getMaxRows(), 1).getValue();
}
function deleteSecondRow() { tasks().deleteRows(2, 1); return tasks().getRange('A2').getValue(); }
function statusRule(allowInvalid) {
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['pending', 'completed']).setAllowInvalid(allowInvalid).build();
  tasks().getRange('C2:C').setDataValidation(rule);
  return [String(rule.getCriteriaType()), rule.getCriteriaValues()[0], rule.getAllowInvalid()];
}
function setStatus(value) { tasks().getRange('C2').setValue(value); return tasks().getRange('C2').getValue(); }
function overdueRule() {
  var s = tasks();
  var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2<TODAY()')
    .setBackground('#fde2e1').setRanges([s.getRange('A2:C')]).build();
  s.setConditionalFormatRules([rule]);
  var back = s.getConditionalFormatRules();
  return [back.length, back[0].getRanges()[0].getA1Notation(), String(back[0].getBooleanCondition().getCriteriaType()), back[0].getBooleanCondition().getCriteriaValues()];
}
function widen() {
  var s = tasks();
  s.getRange('C2').setNumberFormat('@');
  s.insertColumnsAfter(2, 2);
  s.insertColumnsAfter(s.getMaxColumns(), 1);
  s.getRange('D2').setValue('=1+1');
  return [s.getMaxColumns(), s.getRange('E1').getValue(), s.getRange('D2').getValue(), s.getRange('C1').getValue()];
}
function layout() {
  var s = tasks();
  s.setFrozenRows(1);
  s.setColumnWidth(2, 320);
  var other = ss().insertSheet('Settings');
  other.hideSheet();
  return [s.getFrozenRows(), s.getColumnWidth(2), other.isSheetHidden(), ss().getSheets().length, typeof other.getSheetId()];
}
function navigate() {
  var range = ss().getRange('Tasks!B2').offset(0, -1);
  var sheet = range.getSheet();
  return [range.getA1Notation(), sheet.getName(), sheet.getParent().getId() === ss().getId(), sheet.getParent().getSheets().length === ss().getSheets().length];
}
function duplicateSheet() { ss().insertSheet('Tasks'); }
function removeSheet(name) { ss().deleteSheet(ss().getSheetByName(name)); return ss().getSheets().map(function (s) { return s.getName(); }); }
`;

function setup() {
  const app = inlineBundle(CODE);
  app.emulator.seedSheet('Tasks', [
    ['id', 'title', 'status'],
    ['1', 'Write spec', 'pending'],
  ]);
  return app;
}

describe('Sheet', () => {
  describe('appendRow', () => {
    it('writes after the last row with content and grows a full sheet by one row', () => {
      const app = setup();
      expect(app.run('dims')).toEqual([2, 3, 1000, 26]);
      expect(app.run('append', ['2', 'Ship it', 'pending'])).toEqual([3, 3, 1000, 26]);
      app.emulator.seedSheet('Tasks', [['last']], { at: 'A1000' });
      expect(app.run('append', ['x'])).toEqual([1001, 3, 1001, 26]);
    });
  });

  describe('getRange', () => {
    it('takes (row, column, numRows, numColumns)', () => {
      expect(setup().run('range', 2, 1, 3, 2)).toBe('A2:B4');
    });

    it('refuses coordinates Sheets refuses', () => {
      const app = setup();
      expect(() => app.run('range', 0, 1, 1, 1)).toThrow(
        'The starting row of the range is too small.',
      );
      expect(() => app.run('range', 1, 0, 1, 1)).toThrow(
        'The starting column of the range is too small.',
      );
      expect(() => app.run('range', 1, 1, 0, 1)).toThrow(
        'The number of rows in the range must be at least 1.',
      );
      expect(() => app.run('range', 1000, 1, 2, 1)).toThrow(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    });
  });

  describe('getParent / Range.getSheet', () => {
    it('lead back from a range to its sheet and spreadsheet', () => {
      expect(setup().run('navigate')).toEqual(['A2', 'Tasks', true, true]);
    });
  });

  describe('getDataRange', () => {
    it('spans A1 to the last row and column with content', () => {
      expect(setup().run('dataRange')).toBe('A1:C2');
    });
  });

  describe('insertRowsAfter / deleteRows', () => {
    it('gives inserted rows the formatting of the row above', () => {
      expect(setup().run('textFirstColumnThenGrow')).toBe('=1+1');
    });

    it('shifts the rows below a deletion up', () => {
      const app = setup();
      app.emulator.seedSheet('Tasks', [['3', 'Third', 'pending']], { at: 'A3' });
      expect(app.run('deleteSecondRow')).toBe(3);
    });
  });

  describe('setDataValidation', () => {
    it('builds rules with the documented defaults and getters', () => {
      expect(setup().run('statusRule', true)).toEqual([
        'VALUE_IN_LIST',
        ['pending', 'completed'],
        true,
      ]);
    });

    it('rejects a script write that breaks a rule set to reject invalid input', () => {
      const app = setup();
      app.run('statusRule', false);
      expect(app.run('setStatus', 'completed')).toBe('completed');
      expect(() => app.run('setStatus', 'done')).toThrow(
        'The data you entered in cell C2 violates the data validation rules set on this cell.',
      );
    });

    it('lets invalid values in when the rule only warns', () => {
      const app = setup();
      app.run('statusRule', true);
      expect(app.run('setStatus', 'done')).toBe('done');
    });
  });

  describe('setConditionalFormatRules', () => {
    it('stores the rules with their ranges', () => {
      expect(setup().run('overdueRule')).toEqual([
        1,
        'A2:C1000',
        'CUSTOM_FORMULA',
        ['=$C2<TODAY()'],
      ]);
    });
  });

  describe('insertColumnsAfter', () => {
    it('shifts the columns to the right and gives new ones the left neighbour’s format', () => {
      // status moves from C to E; D (new, after B) is not text-formatted, C (new) copies B.
      expect(setup().run('widen')).toEqual([29, 'status', 2, '']);
    });
  });

  describe('layout', () => {
    it('keeps frozen rows, column widths and hidden sheets', () => {
      expect(setup().run('layout')).toEqual([1, 320, true, 3, 'number']);
    });
  });

  describe('Spreadsheet.insertSheet / deleteSheet', () => {
    it('refuses a duplicate sheet name', () => {
      expect(() => setup().run('duplicateSheet')).toThrow(
        'A sheet with the name "Tasks" already exists.',
      );
    });

    it('deletes a sheet but never the last one', () => {
      const app = setup();
      expect(app.run('removeSheet', 'Sheet1')).toEqual(['Tasks']);
      expect(() => app.run('removeSheet', 'Tasks')).toThrow(
        "You can't remove all the sheets in a document.",
      );
    });
  });
});
