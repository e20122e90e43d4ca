// GOV.UK Frontend's page template adds these classes with an inline script; an external file keeps
// the Content Security Policy free of 'unsafe-inline'.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
