import type { ChecklistContent } from './types.js';

// The German default set, written for this project from the facts of the
// Praxisleitfaden "Unterstützung des Umstiegs aus der Prostitution" (2024).
// Loaded on demand, only by German-speaking pages.
const content: ChecklistContent = {
  sections: [
    {
      id: 'money',
      title: 'Geld und finanzielle Sicherheit',
      pillar: true,
      items: [
        {
          id: 'benefits',
          title: 'Klären, ob Ihnen Leistungen zustehen',
          text: 'Vielleicht haben Sie Anspruch auf Bürgergeld oder andere Leistungen, zum Beispiel zusätzlich zu einem ersten Job. Das Jobcenter entscheidet darüber. Eine Beratungsstelle prüft mit Ihnen, was möglich ist, hilft bei Anträgen und Unterlagen und kann Sie zum Amt begleiten.',
          simpleTitle: 'Geld vom Staat: Was steht Ihnen zu?',
          simpleText: 'Vielleicht bekommen Sie Geld vom Staat. Zum Beispiel Bürger·geld. Das Job·center entscheidet das. Eine Beratungs·stelle hilft Ihnen beim Antrag. Sie kann mit Ihnen zum Amt gehen.',
        },
        {
          id: 'account',
          title: 'Ein eigenes Konto eröffnen',
          text: 'Jede Bank muss ein Basiskonto anbieten, auch ohne Wohnsitz in Deutschland. Ein eigenes Konto macht Sie unabhängiger: Lohn und Leistungen kommen direkt zu Ihnen. Fragen Sie, welche Papiere die Bank sehen will. Eine Beraterin oder ein Berater kann mitkommen.',
          simpleTitle: 'Ein eigenes Bank·konto',
          simpleText: 'Jede Bank muss Ihnen ein Basis·konto geben. Das geht auch ohne Wohnung in Deutschland. Dann kommt Ihr Geld direkt zu Ihnen. Jemand aus der Beratung kann mit zur Bank gehen.',
        },
        {
          id: 'tax-id',
          title: 'Die Steuer-Identifikationsnummer haben',
          text: 'Für eine Arbeitsstelle und für viele Anträge brauchen Sie Ihre Steuer-ID. Sie bekommen sie nach der Anmeldung einer Adresse per Post. Wenn der Brief fehlt, kann man sie beim Finanzamt neu anfordern. Die Beratung hilft dabei.',
          simpleTitle: 'Die Steuer·nummer',
          simpleText: 'Für eine Arbeit brauchen Sie eine Steuer·nummer. Sie heißt Steuer-ID. Die Nummer kommt mit der Post. Ist der Brief weg? Das Finanz·amt schickt sie noch einmal.',
        },
        {
          id: 'budget',
          title: 'Einen Haushaltsplan machen',
          text: 'Schreiben Sie auf, was jeden Monat hereinkommt und was Sie ausgeben müssen: Miete, Essen, Handy, Fahrkarten. So sehen Sie, wie das Geld für den ganzen Monat reicht. Gerade wenn das Einkommen kleiner wird, hilft ein Plan. Eine Beratungsstelle macht ihn gern mit Ihnen.',
          simpleTitle: 'Einen Plan für Ihr Geld',
          simpleText: 'Schreiben Sie auf: Wie viel Geld bekommen Sie im Monat? Wie viel Geld brauchen Sie? Zum Beispiel für Miete, Essen und Handy. So reicht das Geld für den ganzen Monat. Die Beratung hilft Ihnen.',
        },
        {
          id: 'debt',
          title: 'Schulden klären',
          text: 'Wenn Sie Schulden haben, gibt es kostenlose Schuldnerberatung. Dort bekommen Sie einen Überblick und einen Plan, auch bei Forderungen von Krankenkassen oder Ämtern. Die Beratung ist vertraulich.',
          simpleTitle: 'Hilfe bei Schulden',
          simpleText: 'Haben Sie Schulden? Es gibt eine Schuldner·beratung. Sie kostet kein Geld. Dort macht man mit Ihnen einen Plan. Die Beratung ist vertraulich.',
        },
        {
          id: 'postal-address',
          title: 'Eine Postadresse haben',
          text: 'Ämter, Banken und Arbeitgeber schreiben Briefe. Wenn Sie keine feste Adresse haben, können Sie oft die Adresse einer Beratungsstelle als Postadresse nutzen. Fragen Sie dort nach.',
          simpleTitle: 'Eine Adresse für Ihre Post',
          simpleText: 'Ämter und Banken schicken Briefe. Sie haben keine feste Adresse? Dann fragen Sie die Beratungs·stelle. Oft können Ihre Briefe dorthin kommen.',
        },
        {
          id: 'emergency-funds',
          title: 'Geld für den Übergang finden',
          text: 'Bis Leistungen oder der erste Lohn kommen, kann es dauern. Manche Städte haben Nothilfe-Fonds, manche Beratungsstellen Sachhilfen oder Fahrkarten. Wenn Sie Bürgergeld bekommen, kann das Jobcenter beim Start in eine Arbeit ein Einstiegsgeld zahlen.',
          simpleTitle: 'Geld für die erste Zeit',
          simpleText: 'Das Geld vom Amt oder der erste Lohn kommen oft spät. Manche Städte haben Geld für Not·fälle. Manche Beratungs·stellen haben Fahr·karten oder andere Hilfen. Fragen Sie danach.',
        },
      ],
    },
    {
      id: 'housing',
      title: 'Wohnen',
      pillar: true,
      items: [
        {
          id: 'shelter',
          title: 'Einen sicheren Schlafplatz für jetzt haben',
          text: 'Wenn Sie am Arbeitsplatz wohnen, fällt mit einem Jobwechsel oft auch die Unterkunft weg. Für die erste Zeit gibt es Notunterkünfte, Angebote der Wohnungslosenhilfe und manchmal Übergangswohnungen von Beratungsstellen. Fragen Sie, was es in Ihrer Stadt gibt.',
          simpleTitle: 'Ein sicherer Platz zum Schlafen',
          simpleText: 'Sie brauchen schnell einen Platz zum Schlafen? Es gibt Not·unterkünfte. Manche Beratungs·stellen haben Wohnungen für eine kurze Zeit. Fragen Sie nach.',
        },
        {
          id: 'registration',
          title: 'Eine Adresse anmelden',
          text: 'Eine gemeldete Adresse ist oft die Voraussetzung für Leistungen und für einen Arbeitsvertrag. Die Anmeldung machen Sie beim Bürgeramt. Die Beratung hilft, wenn es schwierig ist.',
          simpleTitle: 'Ihre Adresse beim Amt melden',
          simpleText: 'Melden Sie Ihre Adresse beim Bürger·amt an. Das brauchen Sie für Geld vom Amt und für einen Arbeits·vertrag. Die Beratung hilft Ihnen dabei.',
        },
        {
          id: 'flat-search',
          title: 'Eine Wohnung suchen',
          text: 'Eine eigene Wohnung gibt Sicherheit und Abstand. Die Suche ist oft lang. Beratungsstellen suchen mit, kennen manchmal Vermieterinnen, Vermieter oder Genossenschaften und können in einigen Städten den Mietvertrag für die erste Zeit übernehmen.',
          simpleTitle: 'Eine eigene Wohnung finden',
          simpleText: 'Eine eigene Wohnung gibt Ihnen Ruhe und Sicherheit. Die Suche dauert oft lange. Die Beratung sucht mit Ihnen.',
        },
        {
          id: 'viewings',
          title: 'Begleitung zur Wohnungsbesichtigung',
          text: 'Wenn Sie möchten, kommt jemand von der Beratungsstelle mit zur Besichtigung. Das kann helfen, Fragen zu stellen und einen guten Eindruck zu machen.',
          simpleTitle: 'Wohnung ansehen: Jemand kommt mit',
          simpleText: 'Sie sehen eine Wohnung an? Jemand aus der Beratung kann mitkommen. Sie müssen dann nicht allein gehen.',
        },
      ],
    },
    {
      id: 'health',
      title: 'Gesundheit',
      pillar: true,
      items: [
        {
          id: 'insurance',
          title: 'Eine Krankenversicherung haben',
          text: 'In Deutschland brauchen Sie eine Krankenversicherung. Wege hinein sind meist Bürgergeld oder eine Arbeit mit Sozialversicherung. Wenn Sie länger nicht versichert waren, fordert die Kasse manchmal Beiträge nach. Das lässt sich oft klären. Clearingstellen beraten Menschen ohne Versicherung.',
          simpleTitle: 'Eine Kranken·versicherung',
          simpleText: 'In Deutschland brauchen Sie eine Kranken·versicherung. Sie waren lange nicht versichert? Dann will die Kasse vielleicht Geld. Das kann man klären. Die Beratung hilft Ihnen.',
        },
        {
          id: 'doctor',
          title: 'Eine Ärztin oder einen Arzt finden',
          text: 'Eine Hausarztpraxis kennt Ihre Gesundheit auf Dauer. Wenn Sie noch nicht versichert sind, bieten Gesundheitsämter und manche Praxen kostenlose und anonyme Sprechstunden an.',
          simpleTitle: 'Eine Ärztin oder einen Arzt',
          simpleText: 'Suchen Sie eine Arzt·praxis für Sie. Sie haben keine Versicherung? Das Gesundheits·amt hilft auch ohne Versicherung. Das kostet kein Geld.',
        },
        {
          id: 'mental-health',
          title: 'Unterstützung für die Seele',
          text: 'Ein Jobwechsel ist anstrengend, und Erlebtes kann belasten. Psychologische Beratung und Therapie können helfen, auch in Ihrer Sprache. Die Beratungsstelle kennt Angebote und hilft bei der Suche.',
          simpleTitle: 'Hilfe, wenn es Ihnen nicht gut geht',
          simpleText: 'Geht es Ihnen nicht gut? Sie können mit Fach·leuten sprechen. Das geht auch in Ihrer Sprache. Die Beratung sucht mit Ihnen.',
        },
        {
          id: 'addiction',
          title: 'Hilfe bei Sucht',
          text: 'Wenn Alkohol, Drogen oder Medikamente ein Thema sind, gibt es Suchtberatung, sauberes Spritzbesteck und, wenn Sie es möchten, Hilfe bei der Suche nach einem Platz für einen Entzug.',
          simpleTitle: 'Hilfe bei Sucht',
          simpleText: 'Alkohol oder Drogen sind ein Problem für Sie? Es gibt eine Sucht·beratung. Dort bekommen Sie Hilfe. Sie entscheiden, was Sie möchten.',
        },
        {
          id: 'checkup',
          title: 'Gesundheits-Check und Schutz',
          text: 'Gesundheitsämter und Beratungsstellen für sexuelle Gesundheit bieten Untersuchungen an, oft kostenlos und anonym, zum Beispiel auf sexuell übertragbare Infektionen. Dort bekommen Sie auch Informationen zu PrEP und PEP.',
          simpleTitle: 'Einen Gesundheits·test machen',
          simpleText: 'Das Gesundheits·amt macht Tests. Zum Beispiel auf Krankheiten durch Sex. Das kostet oft kein Geld. Oft müssen Sie Ihren Namen nicht sagen.',
        },
      ],
    },
    {
      id: 'residence',
      title: 'Aufenthalt',
      pillar: true,
      items: [
        {
          id: 'eu',
          title: 'Aufenthalt als EU-Bürgerin oder EU-Bürger klären',
          text: 'Mit einem Pass aus der EU dürfen Sie in Deutschland leben und arbeiten (Freizügigkeit). Für manche Leistungen kommt es darauf an, wie lange Sie schon hier sind und ob Sie arbeiten. Nach einigen Jahren ist ein Daueraufenthalt möglich. Lassen Sie Ihre Lage beraten.',
          simpleTitle: 'Sie kommen aus der EU',
          simpleText: 'Sie haben einen Pass aus der EU? Dann dürfen Sie in Deutschland wohnen und arbeiten. Für Geld vom Amt gibt es Regeln. Die Beratung erklärt sie Ihnen.',
        },
        {
          id: 'non-eu',
          title: 'Rechtsberatung zum Aufenthalt, wenn Sie nicht aus der EU kommen',
          text: 'Ein sicherer Aufenthalt ist die Grundlage für Arbeit und Leistungen. Fachstellen für Migration und Anwältinnen oder Anwälte beraten Sie dazu. Die Beratung ist auch ohne geregelten Aufenthalt möglich und vertraulich.',
          simpleTitle: 'Sie kommen nicht aus der EU',
          simpleText: 'Sie brauchen ein Recht zum Bleiben. Fach·leute beraten Sie dazu. Das geht auch ohne Papiere. Die Beratung ist vertraulich.',
        },
        {
          id: 'documents',
          title: 'Ihre Papiere beisammen haben',
          text: 'Pass oder Ausweis, Geburtsurkunde, Meldebescheinigung, Zeugnisse: Viele Schritte brauchen Papiere. Machen Sie Kopien. Wenn etwas fehlt, hilft die Beratung, es neu zu bekommen.',
          simpleTitle: 'Ihre Papiere',
          simpleText: 'Sie brauchen oft Papiere. Zum Beispiel Ihren Pass. Machen Sie Kopien. Fehlt ein Papier? Die Beratung hilft Ihnen.',
        },
      ],
    },
    {
      id: 'work',
      title: 'Neue Arbeit',
      items: [
        {
          id: 'strengths',
          title: 'Ihre Stärken und Wünsche entdecken',
          text: 'Was können Sie gut, was haben Sie schon gearbeitet oder gelernt, auch außerhalb eines Berufs? Was möchten Sie, was auf keinen Fall? In der Beratung sammeln Sie das in Ruhe. Ihre Wünsche stehen am Anfang.',
          simpleTitle: 'Was können Sie? Was möchten Sie?',
          simpleText: 'Was können Sie gut? Was möchten Sie arbeiten? Das besprechen Sie in der Beratung. Ihre Wünsche sind wichtig.',
        },
        {
          id: 'training',
          title: 'Eine Weiterbildung oder einen Sprachkurs finden',
          text: 'Kurse machen die Suche nach Arbeit leichter. Es gibt Angebote mit wenigen Voraussetzungen, auch für Menschen ohne Ausbildung. Deutschkurse und Integrationskurse gibt es zum Beispiel an der Volkshochschule. Manchmal muss man auf einen Platz warten.',
          simpleTitle: 'Etwas lernen: ein Kurs',
          simpleText: 'Ein Kurs hilft bei der Suche nach Arbeit. Zum Beispiel ein Deutsch·kurs. Die Volks·hoch·schule hat solche Kurse. Die Beratung sucht mit Ihnen.',
        },
        {
          id: 'recognition',
          title: 'Abschlüsse aus dem Ausland anerkennen lassen',
          text: 'Wenn Sie im Ausland eine Ausbildung oder ein Studium gemacht haben, kann es in Deutschland anerkannt werden. Dann haben Sie bessere Chancen. Das Portal „Anerkennung in Deutschland“ und Beratungsstellen helfen dabei.',
          simpleTitle: 'Ihr Abschluss aus einem anderen Land',
          simpleText: 'Sie haben in einem anderen Land einen Beruf gelernt? Vielleicht gilt das auch in Deutschland. Die Beratung prüft das mit Ihnen.',
        },
        {
          id: 'applications',
          title: 'Bewerbungen schreiben',
          text: 'Die Beratung hilft beim Lebenslauf, bei der Suche nach seriösen Stellen und bei der Übung für Gespräche. Sie entscheiden, was über Ihre bisherige Arbeit im Lebenslauf steht. Auf Wunsch kommt jemand mit zum Vorstellungsgespräch.',
          simpleTitle: 'Sich für eine Arbeit bewerben',
          simpleText: 'Die Beratung hilft beim Lebens·lauf. Sie entscheiden, was darin steht. Jemand kann mit zum Gespräch kommen.',
        },
        {
          id: 'first-weeks',
          title: 'Die ersten Wochen im neuen Job',
          text: 'Auch nach dem Start können Sie die Beratung weiter nutzen: für Fragen zur Arbeit, zum Lohn oder zu Problemen im Betrieb. Kleine Erfolge zählen. Feiern Sie sie.',
          simpleTitle: 'Die erste Zeit in der neuen Arbeit',
          simpleText: 'Sie haben eine neue Arbeit? Die Beratung hilft Ihnen weiter. Zum Beispiel bei Fragen oder Problemen.',
        },
      ],
    },
  ],
};

export default content;
