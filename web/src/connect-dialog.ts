import './components/mf-connect-dialog.ts';

// The bundle of the add-on's Connect dialog (Connect.html): the element loads what to paste
// through google.script.run as soon as it is on the page.
document.body.replaceChildren(document.createElement('mf-connect-dialog'));
