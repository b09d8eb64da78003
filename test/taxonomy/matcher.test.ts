// The phrase matcher on the real compiled models: must-match and must-not-match rows.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.ts';

const engine = createEngine();
const ids = (text: string): string[] => engine.taxonomy.mentions(text).map((m) => m.id);

describe('phrase matcher: must match', () => {
  it.each([
    ['We use Go (Golang) for services', ['go']],
    ['Experience with Go and Python', ['go', 'python']],
    ['Strong C/C++ skills', ['c', 'cpp']],
    ['Proficiency in R and Python', ['r', 'python']],
    ['Java, C++, or C#', ['java', 'cpp', 'csharp']],
    ['Spring Boot, microservices and Kubernetes', ['spring-boot', 'microservices', 'kubernetes']],
    ['Node.js and NodeJS and node js', ['nodejs', 'nodejs', 'nodejs']],
    ['CI/CD pipelines with Jenkins', ['ci-cd', 'jenkins']],
    ['.NET Core and ASP.NET', ['dotnet', 'aspnet']],
    ['Swift and Objective-C for iOS', ['swift', 'objective-c', 'ios-development']],
    ['Rust or Go for systems programming', ['rust', 'go', 'systems-programming']],
    ['Advanced Microsoft Excel and MS Access', ['microsoft-excel', 'microsoft-access']],
    ['Excel, Word and PowerPoint', ['microsoft-excel', 'microsoft-word', 'microsoft-powerpoint']],
    ['PostgreSQL, Postgres or MySQL', ['postgresql', 'postgresql', 'mysql']],
    ['k8s and AWS Lambda', ['kubernetes', 'aws-lambda']],
    ['Fluent English and German', ['lang:en', 'lang:de']],
    ['Ruby on Rails and Ruby', ['ruby-on-rails', 'ruby']],
    ['HTML5/CSS3', ['html', 'css']],
    ['RESTful APIs', ['rest-apis']],
    ['Experience with Dart and Flutter', ['dart', 'flutter']],
    ['Build tools: Make, CMake and Bazel', ['build-automation', 'gnu-make', 'cmake', 'bazel']],
    ['Configuration management with Chef or Puppet', ['configuration-management', 'chef', 'puppet']],
    ['Build scripts in Ant and Maven', ['build-automation', 'apache-ant', 'maven']],
    ['Elm and Haskell', ['elm', 'haskell']],
    ['Python web apps with Flask or Django', ['python', 'web-development', 'flask', 'django']],
    ['Game development in Unity (C#)', ['game-development', 'unity', 'csharp']],
    ['Oracle and PostgreSQL databases', ['oracle-database', 'postgresql']],
    ['Java and Scala on the JVM', ['java', 'scala', 'jvm']],
    ['Shell scripting and Bash', ['shell-scripting', 'bash']],
    ['Spring and Hibernate', ['spring-framework', 'hibernate']],
    ['Node.js with Express', ['nodejs', 'expressjs']],
    ['Julia, Python and R for numerics', ['julia', 'python', 'r']],
    ['angular/react and java, go', ['angular', 'react', 'java', 'go']],
    ['CI/CD, TCP/IP and A/B testing', ['ci-cd', 'tcp-ip', 'ab-testing']],
    // a short label before a colon is the context of the items after it
    ['Operating Systems: Windows, Linux', ['operating-systems', 'windows', 'linux']],
    ['OS: Windows', ['windows']],
    ['-IDE : Eclipse', ['ides', 'eclipse']],
    ['Automated Build Tools: Maven', ['build-automation', 'maven']],
    // a name in capitals needs context, not a list; a bracketed note on an item does not end the list
    ['ORACLE (3 years), JAVA (3 years), ACCESS (Less than 1 year)', ['oracle-database', 'java', 'microsoft-access']],
    ['ACTIVE DIRECTORY (2 years), EXCEL (2 years)', ['active-directory', 'microsoft-excel']],
    // a version right after the name
    ['Used Oracle 9i and Flex 3.0', ['oracle-database', 'apache-flex']],
    ['PHP, MySQL, Ajax, jQuery', ['php', 'mysql', 'ajax', 'jquery']],
    ['Environment: Win XP, Vista, Win7, SQL', ['windows', 'windows', 'windows', 'sql']],
    ['Source control: VSS, PVCS, StarTeam', ['version-control', 'visual-sourcesafe', 'pvcs', 'starteam']],
  ])('%s', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('phrase matcher: must not match', () => {
  it.each([
    ['Java is not JavaScript', 'JavaScript developers wanted', 'java'],
    ['go to market', 'Own our go to market strategy', 'go'],
    ['go-to-market', 'Lead the go-to-market plan', 'go'],
    ['lowercase go', 'We go above and beyond for customers', 'go'],
    ['R&D', 'Partner with R&D teams', 'r'],
    ['access to', 'You will have access to mentors', 'microsoft-access'],
    ['excel at', 'You excel at building relationships', 'microsoft-excel'],
    ['Excel in', 'Excel in a fast-paced environment', 'microsoft-excel'],
    ['rust-proof', 'Apply rust-proof coating to parts', 'rust'],
    ['spring semester', 'Available from the spring semester', 'spring-framework'],
    ['make sure', 'Make sure every release is on time', 'make'],
    ['head chef', 'Worked as a head chef in a busy kitchen', 'chef'],
    ['swift response', 'Provide a swift response to customers', 'swift'],
    ['Julia as a name', 'Report to Julia, our office manager', 'julia'],
    ['shell company', 'Fraud involving a shell company', 'shell-scripting'],
    ['Express delivery', 'Express delivery for all orders', 'expressjs'],
    ['Unity of purpose', 'We value unity and trust', 'unity'],
    ['ant colony', 'An ant colony works together', 'apache-ant'],
    ['C-suite', 'Present to the C-suite weekly', 'c'],
    ['vitamin C', 'Rich in vitamin C', 'c'],
    ['dart board', 'Hit the dart board', 'dart'],
    ['Chef de partie', 'Chef de partie in a busy kitchen', 'chef'],
    ['puppet show', 'A puppet show for kids', 'puppet'],
    ['Elm Street', 'Elm Street office', 'elm'],
    ['flask of coffee', 'A flask of coffee', 'flask'],
    ['Oracle of Omaha', 'The Oracle of Omaha', 'oracle-database'],
    ['Spring 2024', 'Spring 2024 internship', 'spring-framework'],
    ['Ruby Tuesday', 'Ruby Tuesday restaurant', 'ruby'],
    ['the rest of', 'Join the rest of the team', 'rest-apis'],
    ['MS Access vs access to', 'Access to healthcare', 'microsoft-access'],
    ['a colon after a longer clause', 'To apply: Go to our careers page', 'go'],
    ['MAC address', 'MAC address filtering and VLAN setup with Cisco', 'macos'],
    ['flex time', 'Flex time and remote work for developers', 'apache-flex'],
    ['a word in capitals', 'IN A WORD, WE DELIVER SOFTWARE', 'microsoft-word'],
    ['a place', 'Location: Hudson, Ohio', 'jenkins'],
  ])('%s', (_name, text, notId) => {
    expect(ids(text)).not.toContain(notId);
  });
});

describe('phrase matcher: spans', () => {
  it('spans point into the original text, through normalization', () => {
    const text = '\uFEFF• Expert in ﬁnance and C# – Kubernetes';
    for (const m of engine.taxonomy.mentions(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(engine.taxonomy.mentions(text).map((m) => m.text)).toContain('C#');
  });

  it('longest match wins', () => {
    expect(ids('Apache Spark Streaming')).not.toContain('apache-spark-streaming-and-spark');
    expect(ids('Spring Boot')).toEqual(['spring-boot']);
    expect(ids('Google Cloud Platform')).toEqual(['gcp']);
  });
});

describe('phrase matcher: a multi-word name wrapped across two lines', () => {
  it.each([
    ['Experience in machine\nlearning and statistics', 'machine-learning', 'machine\nlearning'],
    ['We deploy on Google Cloud\nPlatform daily', 'gcp', 'Google Cloud\nPlatform'],
    ['Strong skills in project\n  management and budgeting', 'project-management', 'project\n  management'],
    ['Coursework: Data Structures, Algorithms, Machine\nLearning, Networking', 'machine-learning', 'Machine\nLearning'],
    ['Hands-on experience with machine-\nlearning and statistics', 'machine-learning', 'machine-\nlearning'],
  ])('%j', (text, id, surface) => {
    const m = engine.taxonomy.mentions(text).find((x) => x.id === id);
    expect(m?.text).toBe(surface);
    expect(text.slice(m!.start, m!.end)).toBe(surface);
  });

  it.each([
    ['a blank line between', 'Experience in machine\n\nlearning', 'machine-learning'],
    ['two list items', 'Languages:\n- Java\n- Script', 'javascript'],
    ['two bulleted items', '• Strong SQL and machine\n• learning', 'machine-learning'],
    ['a line that is only the name start', 'Machine\nLearning', 'machine-learning'],
    ['a heading line followed by a word', 'PROJECT\nManagement of vendors', 'project-management'],
    ['an all-caps heading ending in the name start', 'SKILLS AND PROJECT\nmanagement of vendors', 'project-management'],
    ['a new sentence on the next line', 'I build every machine\nLearning is what I love', 'machine-learning'],
  ])('%s', (_name, text, notId) => {
    expect(ids(text)).not.toContain(notId);
  });
});

describe('phrase matcher: everyday-word names read as verbs (part-of-speech tagger, on these few only)', () => {
  it.each([
    ['make AI useful', 'Design the data systems that make AI actually useful', 'gnu-make'],
    ['harness AI', 'Nebul enables businesses to harness AI with confidence', 'harness'],
    ['combine machine learning', 'We combine machine learning with a human-based approach', 'apple-combine'],
    ['Go beyond the code', 'Go beyond the code: own the API roadmap', 'go'],
    ['Make key decisions', 'Make key data pipeline decisions with Python', 'gnu-make'],
    ['Spring into action', 'Spring into action with our engineering team', 'spring-framework'],
    ['lead a team', 'You will lead a team of engineers', 'lead-management'],
    ['rust removal', 'Rust removal and painting of steel', 'rust'],
  ])('%s', (_name, text, notId) => {
    expect(ids(text)).not.toContain(notId);
  });

  it.each([
    ['Java Python Go Rust', ['java', 'python', 'go', 'rust']],
    ['typescript javascript node.js react go', ['typescript', 'javascript', 'nodejs', 'react', 'go']],
    ['React or other modern web frameworks', ['react']],
    ['Go programming experience', ['go', 'programming']],
    ['We use Go for backend services', ['go', 'backend-development']],
    ['React (TypeScript)', ['react', 'typescript']],
  ])('%s', (text, expected) => {
    for (const id of expected) expect(ids(text)).toContain(id);
  });
});

describe('phrase matcher: misspelt product names in a list of technical names', () => {
  it.each([
    ['Skills: Python, Postgress, Docker', 'postgresql', 'Postgress'],
    ['Kubernates, Terraform and AWS', 'kubernetes', 'Kubernates'],
    ['Javascipt, HTML, CSS', 'javascript', 'Javascipt'],
    ['Pandas, NumPy, Keras, PyTroch, OpenCV', 'pytorch', 'PyTroch'],
    ['ggplot, d3.js and Matplottlib, and Tableau', 'matplotlib', 'Matplottlib'],
    ['J2EE (Sevlets, JSP, EJB)', 'servlets', 'Sevlets'],
  ])('%s', (text, id, surface) => {
    expect(engine.taxonomy.mentions(text).find((m) => m.id === id)?.text).toBe(surface);
  });

  it.each([
    ['not outside a list', 'We love Postgress', 'postgresql'],
    ['Java is not Javascript', 'Java, SQL and Python', 'javascript'],
    ['Goa is not Go', 'Goa, India; Java, Python', 'go'],
    ['a word the name is made from: system / SystemC', 'system, Verilog, VHDL', 'systemc'],
    ['network / NetworkX', 'network, Python, SQL', 'networkx'],
    ['charts / Chart.js', 'charts, React, D3', 'chartjs'],
    ['informatics / Informatica', 'Informatics, SQL, Python', 'informatica-powercenter'],
    ['a changed letter in a short name: talent / Talend', 'talent, SQL, Python', 'talend'],
    ['closure / Clojure', 'closure, Java, Scala', 'clojure'],
    ['Docket / Docker', 'Docket, Python, Java', 'docker'],
    ['protocols / Pro Tools', 'protocols, TCP/IP, DNS', 'pro-tools'],
  ])('%s', (_name, text, notId) => {
    expect(ids(text)).not.toContain(notId);
  });
});
