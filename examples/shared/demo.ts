// Fictional demo values shared by every example app. No centre, address, number or
// key here is real: the directory is two entries of the service finder's own demo data
// (packages/service-finder/demo/rheinland-pfalz.json), the key is the published DEMO key of
// packages/contact-relay/demo (its private key is public: never use it for real messages).

/** The finder's `data` property: a directory object, set from JavaScript (no request). */
export const demoDirectory = {
  "version": 1,
  "name": "Zwei fiktive Beratungsstellen (Demo-Daten aus @wegweiser/service-finder)",
  "fictional": true,
  "updated": "2025-06-01",
  "centres": [
    {
      "id": "mainz-lichtblick",
      "fictional": true,
      "land": "DE-RP",
      "location": {
        "lat": 49.9995,
        "lon": 8.2711
      },
      "area": {
        "districts": [
          "07315",
          "07339",
          "07331"
        ]
      },
      "name": "Beratungsstelle Lichtblick (fiktiv)",
      "organisation": "Lichtblick e. V. (fiktiv)",
      "description": {
        "de": "Fiktive Fachberatung für Umstieg und Ausstieg aus der Sexarbeit in Mainz und Rheinhessen: Existenzsicherung, Wohnen, berufliche Orientierung. Anonym und kostenlos.",
        "en": "Fictional counselling for changing jobs or leaving sex work in Mainz and Rheinhessen: financial security, housing, job orientation. Anonymous and free."
      },
      "address": {
        "street": "Musterstraße 12",
        "postcode": "55116",
        "city": "Mainz",
        "note": {
          "de": "Eingang im Hof, 1. Stock, Aufzug vorhanden.",
          "en": "Entrance in the courtyard, first floor, lift available."
        }
      },
      "contacts": {
        "phone": "+49 69 90009 201",
        "email": "beratung@lichtblick-mainz.example.org",
        "website": "https://lichtblick-mainz.example.org/",
        "chat": "https://chat.example.org/lichtblick-mainz",
        "messenger": {
          "de": "Signal unter der Telefonnummer",
          "en": "Signal on the phone number"
        }
      },
      "hours": {
        "walk-in": "Mo-Th 10:00-16:00; Fr 10:00-13:00; PH off",
        "phone": "Mo-Fr 09:00-17:00; PH off",
        "chat": "Tu,Th 18:00-21:00; PH off"
      },
      "topics": [
        "job",
        "money",
        "housing",
        "health",
        "debt"
      ],
      "languages": [
        "de",
        "ro",
        "bg",
        "hu",
        "en"
      ],
      "anonymous": true,
      "free": true,
      "accessibility": {
        "stepFree": true,
        "accessibleToilet": true,
        "easyLanguage": true
      },
      "targetGroups": [
        "women",
        "migrants"
      ],
      "lastChecked": "2025-05-12"
    },
    {
      "id": "ludwigshafen-kompass",
      "fictional": true,
      "land": "DE-RP",
      "location": {
        "lat": 49.4774,
        "lon": 8.4452
      },
      "area": {
        "districts": [
          "07314",
          "07338",
          "07318"
        ]
      },
      "name": "Fachberatung Kompass (fiktiv)",
      "organisation": "Diakonisches Werk Kompass (fiktiv)",
      "description": {
        "de": "Fiktive Beratung und Streetwork in Ludwigshafen und der Vorderpfalz, auch zu Aufenthalt und Menschenhandel.",
        "en": "Fictional counselling and outreach in Ludwigshafen and the Vorderpfalz, also on residence status and trafficking."
      },
      "address": {
        "city": "Ludwigshafen am Rhein"
      },
      "contacts": {
        "phone": "+49 69 90009 202",
        "email": "kontakt@kompass-lu.example.org",
        "website": "https://kompass-lu.example.org/"
      },
      "hours": {
        "phone": "Mo-Th 10:00-18:00; Fr 10:00-14:00; PH off",
        "streetwork": "Tu,Th 20:00-24:00"
      },
      "topics": [
        "outreach",
        "residence-legal",
        "trafficking",
        "job",
        "health"
      ],
      "languages": [
        "de",
        "ro",
        "bg",
        "hu",
        "pl",
        "es",
        "th"
      ],
      "anonymous": true,
      "free": true,
      "accessibility": {
        "note": {
          "de": "Die Adresse wird nur nach Absprache genannt; Treffen auch an einem barrierefreien Ort.",
          "en": "The address is given only by arrangement; meetings also at a step-free place."
        }
      },
      "targetGroups": [
        "women",
        "trans-nonbinary",
        "migrants"
      ],
      "lastChecked": "2025-04-28"
    }
  ]
};

/** Opening hours in OSM syntax for `<ww-hours-badge hours>`. */
export const demoHours = 'Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off';

/** Deliberately invalid (hour 25): the badge shows a calm "not available" and fires `ww-error`. */
export const brokenHours = 'Mo-Fr 25:00-18:00';

/** A neutral page for the quick exit. */
export const exitHref = 'https://de.wikipedia.org/';

/** The local DEMO relay (`npx wegweiser-relay demo`); nothing is contacted until someone types. */
export const demoRelay = 'http://127.0.0.1:8787';
export const demoPublicKey = 'wwk1.demo-beratungsstelle.6_ZxqlgAB1CKbp52csKcy-QEfE3aAPALv7GXMYvP5RA.sKHM_1k2';

/** The pictogram card's `content` property (same JSON as a `src` file would hold). */
export const demoCard = {
  pictogram: 'anonymous',
  versions: [
    { lang: 'de', title: 'Anonym', text: 'Sie müssen Ihren Namen nicht sagen. (Beispieltext)' },
    { lang: 'en', title: 'Anonymous', text: 'You do not have to tell us your name. (Example text)' },
  ],
};
