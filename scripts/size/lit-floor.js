// The smallest useful Lit element: what any Lit widget costs before its own code.
import { LitElement, html, css } from 'lit';

class Floor extends LitElement {
  static properties = { name: {} };
  static styles = css`:host { display: block; }`;
  render() {
    return html`<p>${this.name}</p>`;
  }
}
customElements.define('size-floor', Floor);
