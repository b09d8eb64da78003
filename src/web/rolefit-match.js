customElements.define('rolefit-match', class extends HTMLElement {});
