/**
 * The WordprocessingML sequences Banli emits, in the order the schema (ECMA-376, transitional wml.xsd) requires.
 * Word rejects or silently drops children out of order (e.g. w:evenAndOddHeaders before w:defaultTabStop), so
 * every builder goes through ordered(), and a test parses every generated part and checks it against these.
 */

/** Children of each complex type, in schema order. Names share a rank when the schema allows either order. */
export const SCHEMA_SEQUENCES: Record<string, string[][]> = {
  // CT_PPr = CT_PPrBase + rPr, sectPr, pPrChange
  pPr: [
    ['pStyle'], ['keepNext'], ['keepLines'], ['pageBreakBefore'], ['framePr'], ['widowControl'], ['numPr'],
    ['suppressLineNumbers'], ['pBdr'], ['shd'], ['tabs'], ['suppressAutoHyphens'], ['kinsoku'], ['wordWrap'],
    ['overflowPunct'], ['topLinePunct'], ['autoSpaceDE'], ['autoSpaceDN'], ['bidi'], ['adjustRightInd'],
    ['snapToGrid'], ['spacing'], ['ind'], ['contextualSpacing'], ['mirrorIndents'], ['suppressOverlap'], ['jc'],
    ['textDirection'], ['textAlignment'], ['textboxTightWrap'], ['outlineLvl'], ['divId'], ['cnfStyle'], ['rPr'],
    ['sectPr'], ['pPrChange'],
  ],
  // CT_RPr (EG_RPrBase)
  rPr: [
    ['rStyle'], ['rFonts'], ['b'], ['bCs'], ['i'], ['iCs'], ['caps'], ['smallCaps'], ['strike'], ['dstrike'],
    ['outline'], ['shadow'], ['emboss'], ['imprint'], ['noProof'], ['snapToGrid'], ['vanish'], ['webHidden'],
    ['color'], ['spacing'], ['w'], ['kern'], ['position'], ['sz'], ['szCs'], ['highlight'], ['u'], ['effect'],
    ['bdr'], ['shd'], ['fitText'], ['vertAlign'], ['rtl'], ['cs'], ['em'], ['lang'], ['eastAsianLayout'],
    ['specVanish'], ['oMath'],
  ],
  // CT_SectPr
  sectPr: [
    ['headerReference', 'footerReference'], ['footnotePr'], ['endnotePr'], ['type'], ['pgSz'], ['pgMar'],
    ['paperSrc'], ['pgBorders'], ['lnNumType'], ['pgNumType'], ['cols'], ['formProt'], ['vAlign'], ['noEndnote'],
    ['titlePg'], ['textDirection'], ['bidi'], ['rtlGutter'], ['docGrid'], ['printerSettings'], ['sectPrChange'],
  ],
  // CT_Settings (the part of it Banli writes, and its neighbours)
  settings: [
    ['writeProtection'], ['view'], ['zoom'], ['removePersonalInformation'], ['removeDateAndTime'],
    ['doNotDisplayPageBoundaries'], ['displayBackgroundShape'], ['printPostScriptOverText'],
    ['printFractionalCharacterWidth'], ['printFormsData'], ['embedTrueTypeFonts'], ['embedSystemFonts'],
    ['saveSubsetFonts'], ['saveFormsData'], ['mirrorMargins'], ['alignBordersAndEdges'],
    ['bordersDoNotSurroundHeader'], ['bordersDoNotSurroundFooter'], ['gutterAtTop'], ['hideSpellingErrors'],
    ['hideGrammaticalErrors'], ['activeWritingStyle'], ['proofState'], ['formsDesign'], ['attachedTemplate'],
    ['linkStyles'], ['stylePaneFormatFilter'], ['stylePaneSortMethod'], ['documentType'], ['mailMerge'],
    ['revisionView'], ['trackRevisions'], ['doNotTrackMoves'], ['doNotTrackFormatting'], ['documentProtection'],
    ['autoFormatOverride'], ['styleLockTheme'], ['styleLockQFSet'], ['defaultTabStop'], ['autoHyphenation'],
    ['consecutiveHyphenLimit'], ['hyphenationZone'], ['doNotHyphenateCaps'], ['showEnvelope'], ['summaryLength'],
    ['clickAndTypeStyle'], ['defaultTableStyle'], ['evenAndOddHeaders'], ['bookFoldRevPrinting'],
    ['bookFoldPrinting'], ['bookFoldPrintingSheets'], ['drawingGridHorizontalSpacing'],
    ['drawingGridVerticalSpacing'], ['displayHorizontalDrawingGridEvery'], ['displayVerticalDrawingGridEvery'],
    ['doNotUseMarginsForDrawingGridOrigin'], ['drawingGridHorizontalOrigin'], ['drawingGridVerticalOrigin'],
    ['doNotShadeFormData'], ['noPunctuationKerning'], ['characterSpacingControl'], ['printTwoOnOne'],
    ['strictFirstAndLastChars'], ['noLineBreaksAfter'], ['noLineBreaksBefore'], ['savePreviewPicture'],
    ['doNotValidateAgainstSchema'], ['saveInvalidXml'], ['ignoreMixedContent'], ['alwaysShowPlaceholderText'],
    ['doNotDemarcateInvalidXml'], ['saveXmlDataOnly'], ['useXSLTWhenSaving'], ['saveThroughXslt'], ['showXMLTags'],
    ['alwaysMergeEmptyNamespace'], ['updateFields'], ['hdrShapeDefaults'], ['footnotePr'], ['endnotePr'],
    ['compat'], ['docVars'], ['rsids'], ['mathPr'], ['attachedSchema'], ['themeFontLang'], ['clrSchemeMapping'],
    ['doNotIncludeSubdocsInStats'], ['doNotAutoCompressPictures'], ['forceUpgrade'], ['captions'],
    ['readModeInkLockDown'], ['smartTagType'], ['schemaLibrary'], ['shapeDefaults'], ['doNotEmbedSmartTags'],
    ['decimalSymbol'], ['listSeparator'],
  ],
  // CT_TblPr
  tblPr: [
    ['tblStyle'], ['tblpPr'], ['tblOverlap'], ['bidiVisual'], ['tblStyleRowBandSize'], ['tblStyleColBandSize'],
    ['tblW'], ['jc'], ['tblCellSpacing'], ['tblInd'], ['tblBorders'], ['shd'], ['tblLayout'], ['tblCellMar'],
    ['tblLook'], ['tblCaption'], ['tblDescription'],
  ],
  // CT_TrPr is a choice; Banli writes it in this order.
  trPr: [['cnfStyle'], ['divId'], ['gridBefore'], ['gridAfter'], ['wBefore'], ['wAfter'], ['cantSplit'], ['trHeight'], ['tblHeader'], ['tblCellSpacing'], ['jc'], ['hidden']],
  // CT_TcPr
  tcPr: [
    ['cnfStyle'], ['tcW'], ['gridSpan'], ['hMerge'], ['vMerge'], ['tcBorders'], ['shd'], ['noWrap'], ['tcMar'],
    ['textDirection'], ['tcFitText'], ['vAlign'], ['hideMark'],
  ],
  tcBorders: [['top'], ['start', 'left'], ['bottom'], ['end', 'right'], ['insideH'], ['insideV'], ['tl2br'], ['tr2bl']],
  tblBorders: [['top'], ['start', 'left'], ['bottom'], ['end', 'right'], ['insideH'], ['insideV']],
  tblCellMar: [['top'], ['start', 'left'], ['bottom'], ['end', 'right']],
  pBdr: [['top'], ['left'], ['bottom'], ['right'], ['between'], ['bar']],
  // CT_Font (fontTable.xml)
  font: [['altName'], ['panose1'], ['charset'], ['family'], ['notTrueType'], ['pitch'], ['sig'], ['embedRegular'], ['embedBold'], ['embedItalic'], ['embedBoldItalic']],
  // CT_SdtPr, the elements Banli writes (alias, tag, id).
  sdtPr: [['rPr'], ['alias'], ['tag'], ['id'], ['lock'], ['placeholder'], ['temporary'], ['showingPlcHdr'], ['dataBinding'], ['label'], ['tabIndex']],
  // CT_Tbl
  tbl: [['bookmarkStart', 'bookmarkEnd'], ['tblPr'], ['tblGrid'], ['tr']],
  // CT_Row
  tr: [['tblPrEx'], ['trPr'], ['tc']],
  tc: [['tcPr'], ['p', 'tbl']],
  sdt: [['sdtPr'], ['sdtEndPr'], ['sdtContent']],
  // CT_DocDefaults, CT_Style
  docDefaults: [['rPrDefault'], ['pPrDefault']],
  style: [
    ['name'], ['aliases'], ['basedOn'], ['next'], ['link'], ['autoRedefine'], ['hidden'], ['uiPriority'],
    ['semiHidden'], ['unhideWhenUsed'], ['qFormat'], ['locked'], ['personal'], ['personalCompose'],
    ['personalReply'], ['rsid'], ['pPr'], ['rPr'], ['tblPr'], ['trPr'], ['tcPr'], ['tblStylePr'],
  ],
};

/** The rank of each child name in a sequence. */
function ranks(seq: string[][]): Map<string, number> {
  const m = new Map<string, number>();
  seq.forEach((names, i) => names.forEach((n) => m.set(n, i)));
  return m;
}
const RANKS: Record<string, Map<string, number>> = Object.fromEntries(Object.entries(SCHEMA_SEQUENCES).map(([k, v]) => [k, ranks(v)]));

/**
 * Children of a `w:<type>` element, given as [name, xml] pairs in any order, emitted in schema order.
 * An unknown child name is a programming error and throws.
 */
export function ordered(type: string, children: Array<[string, string | false | undefined | null]>): string {
  const rank = RANKS[type];
  if (!rank) throw new Error(`no schema sequence for ${type}`);
  const kept = children.filter((c): c is [string, string] => typeof c[1] === 'string' && c[1] !== '');
  for (const [name] of kept) if (!rank.has(name)) throw new Error(`${name} is not a child of ${type}`);
  return kept
    .map((c, i) => ({ c, i }))
    .sort((x, y) => rank.get(x.c[0])! - rank.get(y.c[0])! || x.i - y.i)
    .map((x) => x.c[1])
    .join('');
}

/** Whether a list of child names is in schema order for a type: the first offender, or null. */
export function orderViolation(type: string, names: string[]): string | null {
  const rank = RANKS[type];
  if (!rank) return null;
  let last = -1;
  for (const n of names) {
    const r = rank.get(n);
    if (r === undefined) return `${n} is not a child of ${type}`;
    if (r < last) return `${n} after ${names[names.indexOf(n) - 1]} in ${type}`;
    last = r;
  }
  return null;
}
