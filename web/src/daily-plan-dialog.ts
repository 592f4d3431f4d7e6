import './components/mf-day-plan-settings.ts';

// The bundle of the add-on's "Daily plan settings" dialog (DailyPlan.html): the element
// loads its state through google.script.run as soon as it is on the page.
document.body.replaceChildren(document.createElement('mf-day-plan-settings'));
