// Plain HTML with one module script: the markup is in index.html, this file
// loads the widgets, sets the one property that needs a JavaScript value and
// shows the widgets' events.
import '@wegweiser/tokens/tokens.css';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
import { demoCard, demoDirectory } from '../../shared/demo.js';

const events = document.querySelector<HTMLUListElement>('#events')!;

function show(type: string, code: string, text: string): void {
  const item = document.createElement('li');
  item.dataset.event = type;
  item.dataset.code = code;
  item.textContent = `${type}: ${text}`;
  events.append(item);
}

// `ww-error` bubbles out of the shadow roots: one listener catches every widget's.
document.body.addEventListener('ww-error', (event) => show(event.type, event.detail.code, `${event.detail.tag} ${event.detail.code}`));

// Objects cannot be attributes: the directory and the card's texts go in as properties.
document.querySelector('ww-service-finder')!.data = demoDirectory;
const card = document.querySelector('ww-pictogram-card')!;
card.content = demoCard;
card.addEventListener('ww-language-change', (event) => show(event.type, event.detail.lang, event.detail.lang));
