"""The demo campaign in French, Spanish and Arabic, as a translator would enter it.

The loader hands these to wagtail-localize (home/demo/loader.py): each English page or
snippet named below becomes a translation source, and every segment whose English text is a
key of TEXTS gets its translation in the language's translation memory, exactly as if a
translator had typed it in the editor. A segment missing here stays in English (slugs, for
instance, so /fr/stories/ keeps the URL of /en/stories/).

Stories not listed in STORIES are left untranslated on purpose: they show the alias fallback
(the English story served under /fr/, /es/ and /ar/ until a translator gets to it).
Arabic is Modern Standard Arabic; people's names are transliterated, as the Arabic press does.
"""

LANGUAGES = ("fr", "es", "ar")

# English slugs of the pages to translate, under the home page, in tree order.
PAGES = ("stories", "missions", "calendar", "nominate", "vote", "ambassadors")
HUBS = ("headquarters", "kenya", "italy", "republic-of-korea", "mexico", "jordan")
STORIES = (
    "jasmine-lee",
    "cecile-kyenge",
    "amina-yusuf",
    "jean-paul-habimana",
    "hala-al-masri",
    "rosa-elena-martinez",
)

# English segment text → {language code: translation}.
TEXTS = {
    # Home page ----------------------------------------------------------------------------
    "#MigrantHeroes": {"fr": "#MigrantHeroes", "es": "#MigrantHeroes", "ar": "#MigrantHeroes"},
    "Migrants are heroes in their communities": {
        "fr": "Les migrants sont des héros dans leurs communautés",
        "es": "Los migrantes son héroes en sus comunidades",
        "ar": "المهاجرون أبطال في مجتمعاتهم",
    },
    "Read their stories, nominate a hero you know, and vote for the best.": {
        "fr": "Lisez leurs histoires, proposez un héros que vous connaissez et votez pour les "
        "plus belles.",
        "es": "Lea sus historias, proponga a un héroe que conozca y vote por las mejores.",
        "ar": "اقرأ قصصهم، ورشّح بطلًا تعرفه، وصوّت لأفضلها.",
    },
    "Across the world, migrants teach, heal, build businesses and bring neighbours together. "
    "The #MigrantHeroes campaign tells their stories, in their own words and in many "
    "languages.": {
        "fr": "Partout dans le monde, des migrants enseignent, soignent, créent des entreprises "
        "et rapprochent leurs voisins. La campagne #MigrantHeroes raconte leurs histoires, avec "
        "leurs propres mots et dans de nombreuses langues.",
        "es": "En todo el mundo, los migrantes enseñan, curan, crean empresas y unen a sus "
        "vecinos. La campaña #MigrantHeroes cuenta sus historias, con sus propias palabras y en "
        "muchos idiomas.",
        "ar": "في جميع أنحاء العالم، يعلّم المهاجرون ويداوون المرضى ويؤسسون المشاريع ويقرّبون "
        "بين الجيران. وتروي حملة #MigrantHeroes قصصهم بكلماتهم وبلغات كثيرة.",
    },
    "Nominate a hero": {
        "fr": "Proposez un héros",
        "es": "Proponga a un héroe",
        "ar": "رشّح بطلًا",
    },
    "Do you know a migrant who makes a difference? Tell us their story.": {
        "fr": "Vous connaissez un migrant ou une migrante qui fait la différence ? "
        "Racontez-nous son histoire.",
        "es": "¿Conoce a un migrante que marca la diferencia? Cuéntenos su historia.",
        "ar": "هل تعرف مهاجرًا يُحدث فرقًا؟ أخبرنا بقصته.",
    },
    "Send us a story": {
        "fr": "Envoyez-nous une histoire",
        "es": "Envíenos una historia",
        "ar": "أرسل إلينا قصة",
    },
    "Vote from 1 to 10 November": {
        "fr": "Votez du 1er au 10 novembre",
        "es": "Vote del 1 al 10 de noviembre",
        "ar": "صوّت من 1 إلى 10 نوفمبر",
    },
    "Choose the 3 best of the 10 stories shortlisted by headquarters.": {
        "fr": "Choisissez les 3 meilleures des 10 histoires présélectionnées par le siège.",
        "es": "Elija las 3 mejores de las 10 historias preseleccionadas por la sede.",
        "ar": "اختر أفضل 3 قصص من بين القصص العشر التي أدرجها المقر الرئيسي في القائمة القصيرة.",
    },
    "See the campaign calendar": {
        "fr": "Voir le calendrier de la campagne",
        "es": "Ver el calendario de la campaña",
        "ar": "اطّلع على تقويم الحملة",
    },
    # Stories, missions and calendar pages ------------------------------------------------
    "Hero stories": {"fr": "Histoires de héros", "es": "Historias de héroes", "ar": "قصص الأبطال"},
    "Migrants who are heroes in their communities, told by the campaign's country offices.": {
        "fr": "Des migrants qui sont des héros dans leurs communautés, racontés par les bureaux "
        "de pays de la campagne.",
        "es": "Migrantes que son héroes en sus comunidades, contados por las oficinas de país de "
        "la campaña.",
        "ar": "مهاجرون هم أبطال في مجتمعاتهم، تروي قصصهم المكاتب القُطرية المشاركة في الحملة.",
    },
    "Missions": {"fr": "Missions", "es": "Misiones", "ar": "البعثات"},
    "The country offices taking part in the campaign.": {
        "fr": "Les bureaux de pays qui participent à la campagne.",
        "es": "Las oficinas de país que participan en la campaña.",
        "ar": "المكاتب القُطرية المشاركة في الحملة.",
    },
    "Do you know a migrant who makes a difference in their community? Tell us their story: the "
    "campaign team of their country will read it.": {
        "fr": "Vous connaissez un migrant ou une migrante qui change les choses dans sa "
        "communauté ? Racontez-nous son histoire : l’équipe de la campagne de son pays la lira.",
        "es": "¿Conoce a un migrante o una migrante que marca la diferencia en su comunidad? "
        "Cuéntenos su historia: el equipo de la campaña de su país la leerá.",
        "ar": "هل تعرف مهاجرًا أو مهاجرة يُحدث فرقًا في مجتمعه؟ أخبرنا بقصته: سيقرؤها فريق "
        "الحملة في بلده.",
    },
    "Campaign calendar": {
        "fr": "Calendrier de la campagne",
        "es": "Calendario de la campaña",
        "ar": "تقويم الحملة",
    },
    "Hero features, campaign dates and migration-related events: festivals, concerts, sports.": {
        "fr": "Portraits de héros, dates de la campagne et événements liés à la migration : "
        "festivals, concerts, sport.",
        "es": "Héroes destacados, fechas de la campaña y eventos relacionados con la migración: "
        "festivales, conciertos, deportes.",
        "ar": "قصص الأبطال ومواعيد الحملة والفعاليات المرتبطة بالهجرة: مهرجانات وحفلات "
        "موسيقية ومنافسات رياضية.",
    },
    # Headquarters -------------------------------------------------------------------------
    "Headquarters": {"fr": "Siège", "es": "Sede", "ar": "المقر الرئيسي"},
    "Media and Communications Division (MCD)": {
        "fr": "Division des médias et de la communication (MCD)",
        "es": "División de Medios y Comunicación (MCD)",
        "ar": "شعبة الإعلام والاتصال (MCD)",
    },
    "The campaign's headquarters team endorses every story the missions publish, shortlists "
    "ten stories for the public vote and announces the winners.": {
        "fr": "L'équipe de la campagne au siège valide chaque histoire publiée par les missions, "
        "présélectionne dix histoires pour le vote du public et annonce les lauréats.",
        "es": "El equipo de la campaña en la sede aprueba cada historia que publican las "
        "misiones, preselecciona diez historias para la votación del público y anuncia a los "
        "ganadores.",
        "ar": "يعتمد فريق الحملة في المقر الرئيسي كل قصة تنشرها البعثات، ويختار عشر قصص في "
        "قائمة قصيرة لتصويت الجمهور، ثم يعلن أسماء الفائزين.",
    },
    "MCD campaign team": {
        "fr": "Équipe de campagne de la MCD",
        "es": "Equipo de campaña de la MCD",
        "ar": "فريق الحملة في شعبة الإعلام والاتصال",
    },
    # Kenya --------------------------------------------------------------------------------
    "Kenya": {"fr": "Kenya", "es": "Kenia", "ar": "كينيا"},
    "Country office Kenya": {
        "fr": "Bureau de pays au Kenya",
        "es": "Oficina de país en Kenia",
        "ar": "المكتب القُطري في كينيا",
    },
    "From Nairobi's Eastleigh to Kakuma, Kenya hosts people from across the region. These are "
    "some of the neighbours who make its communities stronger.": {
        "fr": "D'Eastleigh, à Nairobi, jusqu'à Kakuma, le Kenya accueille des personnes venues "
        "de toute la région. Voici quelques-uns des voisins qui rendent ses communautés plus "
        "fortes.",
        "es": "Desde Eastleigh, en Nairobi, hasta Kakuma, Kenia acoge a personas de toda la "
        "región. Estos son algunos de los vecinos que fortalecen sus comunidades.",
        "ar": "من حي إيستلي في نيروبي إلى كاكوما، تستضيف كينيا أناسًا من مختلف أنحاء المنطقة. "
        "هؤلاء بعض الجيران الذين يجعلون مجتمعاتها أقوى.",
    },
    "Wanjiru Kamau": {"fr": "Wanjiru Kamau", "es": "Wanjiru Kamau", "ar": "وانجيرو كاماو"},
    # Italy --------------------------------------------------------------------------------
    "Italy": {"fr": "Italie", "es": "Italia", "ar": "إيطاليا"},
    "Country office Italy": {
        "fr": "Bureau de pays en Italie",
        "es": "Oficina de país en Italia",
        "ar": "المكتب القُطري في إيطاليا",
    },
    "Italy's stories of migration run in both directions. The mission shares the lives of "
    "people who arrived and built something for everyone.": {
        "fr": "En Italie, l'histoire des migrations s'écrit dans les deux sens. La mission "
        "raconte la vie de personnes arrivées dans le pays qui ont bâti quelque chose pour tous.",
        "es": "Las historias de migración de Italia van en ambas direcciones. La misión comparte "
        "la vida de personas que llegaron y construyeron algo para todos.",
        "ar": "تسير قصص الهجرة في إيطاليا في الاتجاهين. وتروي البعثة حياة أشخاص وصلوا إليها "
        "وبنوا شيئًا يعود بالنفع على الجميع.",
    },
    "Giulia Ferrari": {"fr": "Giulia Ferrari", "es": "Giulia Ferrari", "ar": "جوليا فيراري"},
    # Republic of Korea --------------------------------------------------------------------
    "Republic of Korea": {
        "fr": "République de Corée",
        "es": "República de Corea",
        "ar": "جمهورية كوريا",
    },
    "Country office Republic of Korea": {
        "fr": "Bureau de pays en République de Corée",
        "es": "Oficina de país en la República de Corea",
        "ar": "المكتب القُطري في جمهورية كوريا",
    },
    "Multicultural families, students and workers are changing Korean towns. Meet some of the "
    "people leading that change.": {
        "fr": "Familles multiculturelles, étudiants et travailleurs transforment les villes "
        "coréennes. Découvrez quelques-unes des personnes qui mènent ce changement.",
        "es": "Las familias multiculturales, los estudiantes y los trabajadores están "
        "transformando las ciudades coreanas. Conozca a algunas de las personas que lideran ese "
        "cambio.",
        "ar": "تُغيّر الأسر متعددة الثقافات والطلاب والعمال وجه المدن الكورية. تعرّف على بعض "
        "الأشخاص الذين يقودون هذا التغيير.",
    },
    "Kim Min-ji": {"fr": "Kim Min-ji", "es": "Kim Min-ji", "ar": "كيم مين-جي"},
    # Mexico -------------------------------------------------------------------------------
    "Mexico": {"fr": "Mexique", "es": "México", "ar": "المكسيك"},
    "Country office Mexico": {
        "fr": "Bureau de pays au Mexique",
        "es": "Oficina de país en México",
        "ar": "المكتب القُطري في المكسيك",
    },
    "A country of origin, transit and destination: in Mexico, migrants and hosts build new "
    "lives together, from Tijuana to Monterrey.": {
        "fr": "Pays d'origine, de transit et de destination : au Mexique, migrants et "
        "habitants construisent ensemble de nouvelles vies, de Tijuana à Monterrey.",
        "es": "País de origen, tránsito y destino: en México, migrantes y comunidades de acogida "
        "construyen juntos nuevas vidas, de Tijuana a Monterrey.",
        "ar": "بلد منشأ وعبور ومقصد: في المكسيك، يبني المهاجرون والمجتمعات المضيفة معًا حياةً "
        "جديدة، من تيخوانا إلى مونتيري.",
    },
    "Lucía Hernández": {
        "fr": "Lucía Hernández",
        "es": "Lucía Hernández",
        "ar": "لوسيا هرنانديز",
    },
    # Jordan -------------------------------------------------------------------------------
    "Jordan": {"fr": "Jordanie", "es": "Jordania", "ar": "الأردن"},
    "Country office Jordan": {
        "fr": "Bureau de pays en Jordanie",
        "es": "Oficina de país en Jordania",
        "ar": "المكتب القُطري في الأردن",
    },
    "Jordan has welcomed generations of people fleeing war. Many now teach, heal and create in "
    "the communities that received them.": {
        "fr": "La Jordanie a accueilli des générations de personnes fuyant la guerre. Beaucoup "
        "enseignent, soignent et créent aujourd'hui au sein des communautés qui les ont reçues.",
        "es": "Jordania ha acogido a generaciones de personas que huían de la guerra. Muchas de "
        "ellas enseñan, curan y crean hoy en las comunidades que las recibieron.",
        "ar": "استقبل الأردن أجيالًا من الفارّين من الحروب. ويعمل كثيرون منهم اليوم في التعليم "
        "والرعاية الصحية والإبداع في المجتمعات التي احتضنتهم.",
    },
    "Rania Khalil": {"fr": "Rania Khalil", "es": "Rania Khalil", "ar": "رانيا خليل"},
    # Jasmine Lee --------------------------------------------------------------------------
    "Jasmine Lee": {"fr": "Jasmine Lee", "es": "Jasmine Lee", "ar": "جاسمين لي"},
    "From Davao to the National Assembly": {
        "fr": "De Davao à l'Assemblée nationale",
        "es": "De Davao a la Asamblea Nacional",
        "ar": "من دافاو إلى الجمعية الوطنية",
    },
    "Born in the Philippines, Jasmine Lee moved to the Republic of Korea in 1995. In 2012 she "
    "became the first naturalised citizen elected to its National Assembly.": {
        "fr": "Née aux Philippines, Jasmine Lee s'est installée en République de Corée en 1995. "
        "En 2012, elle est devenue la première citoyenne naturalisée élue à l'Assemblée "
        "nationale du pays.",
        "es": "Nacida en Filipinas, Jasmine Lee se mudó a la República de Corea en 1995. En 2012 "
        "se convirtió en la primera ciudadana naturalizada elegida para su Asamblea Nacional.",
        "ar": "وُلدت جاسمين لي في الفلبين وانتقلت إلى جمهورية كوريا عام 1995. وفي عام 2012 "
        "أصبحت أول مواطنة متجنّسة تُنتخب لعضوية الجمعية الوطنية فيها.",
    },
    "Before entering politics she worked with migrant women and multicultural families, and "
    "became known to Korean audiences as an actress and television presenter.": {
        "fr": "Avant d'entrer en politique, elle a travaillé auprès de femmes migrantes et de "
        "familles multiculturelles, et s'est fait connaître du public coréen comme actrice et "
        "présentatrice de télévision.",
        "es": "Antes de entrar en política trabajó con mujeres migrantes y familias "
        "multiculturales, y se dio a conocer al público coreano como actriz y presentadora de "
        "televisión.",
        "ar": "قبل دخولها معترك السياسة، عملت مع النساء المهاجرات والأسر متعددة الثقافات، "
        "واشتهرت لدى الجمهور الكوري ممثلةً ومقدّمةً للبرامج التلفزيونية.",
    },
    "As a lawmaker from 2012 to 2016 she spoke for the rights of migrants and their children, "
    "at a time when the number of multicultural families in Korea was growing fast.": {
        "fr": "Députée de 2012 à 2016, elle a défendu les droits des migrants et de leurs "
        "enfants, à une époque où le nombre de familles multiculturelles augmentait rapidement "
        "en Corée.",
        "es": "Como legisladora, de 2012 a 2016, defendió los derechos de los migrantes y de sus "
        "hijos, en un momento en que el número de familias multiculturales crecía rápidamente "
        "en Corea.",
        "ar": "وبصفتها نائبة في البرلمان من عام 2012 إلى عام 2016، دافعت عن حقوق المهاجرين "
        "وأبنائهم، في وقت كان فيه عدد الأسر متعددة الثقافات في كوريا يتزايد بسرعة.",
    },
    # Cécile Kyenge ------------------------------------------------------------------------
    "Cécile Kyenge": {"fr": "Cécile Kyenge", "es": "Cécile Kyenge", "ar": "سيسيل كيينغي"},
    "An eye doctor who became Italy's Minister for Integration": {
        "fr": "Une ophtalmologue devenue ministre de l'Intégration en Italie",
        "es": "Una oftalmóloga que llegó a ser ministra de Integración de Italia",
        "ar": "طبيبة عيون أصبحت وزيرة للاندماج في إيطاليا",
    },
    "Cécile Kyenge came to Italy from the Democratic Republic of the Congo in 1983 to study "
    "medicine, and became an ophthalmologist in Modena.": {
        "fr": "Cécile Kyenge est arrivée de République démocratique du Congo en Italie en 1983 "
        "pour y étudier la médecine, et elle est devenue ophtalmologue à Modène.",
        "es": "Cécile Kyenge llegó a Italia desde la República Democrática del Congo en 1983 para "
        "estudiar medicina, y se convirtió en oftalmóloga en Módena.",
        "ar": "قدِمت سيسيل كيينغي إلى إيطاليا من جمهورية الكونغو الديمقراطية عام 1983 لدراسة "
        "الطب، وأصبحت طبيبة عيون في مودينا.",
    },
    "In 2013 she was appointed Minister for Integration, the first black minister in an "
    "Italian government.": {
        "fr": "En 2013, elle a été nommée ministre de l'Intégration, devenant la première "
        "ministre noire d'un gouvernement italien.",
        "es": "En 2013 fue nombrada ministra de Integración, la primera ministra negra de un "
        "gobierno italiano.",
        "ar": "وفي عام 2013 عُيّنت وزيرةً للاندماج، فكانت أول وزيرة سوداء في حكومة إيطالية.",
    },
    "From 2014 to 2019 she was a Member of the European Parliament, where she worked on "
    "migration and on the rights of minorities.": {
        "fr": "De 2014 à 2019, elle a siégé au Parlement européen, où elle a travaillé sur les "
        "migrations et les droits des minorités.",
        "es": "De 2014 a 2019 fue diputada al Parlamento Europeo, donde trabajó en materia de "
        "migración y de derechos de las minorías.",
        "ar": "ومن عام 2014 إلى عام 2019 كانت عضوًا في البرلمان الأوروبي، حيث عملت على قضايا "
        "الهجرة وحقوق الأقليات.",
    },
    # Amina Yusuf --------------------------------------------------------------------------
    "Amina Yusuf": {"fr": "Amina Yusuf", "es": "Amina Yusuf", "ar": "أمينة يوسف"},
    "The sewing circle that became a cooperative": {
        "fr": "L'atelier de couture devenu coopérative",
        "es": "El círculo de costura que se convirtió en cooperativa",
        "ar": "حلقة خياطة تحوّلت إلى تعاونية",
    },
    "Amina started teaching three neighbours to sew in her living room in Eastleigh. Today her "
    "cooperative has trained more than two hundred women.": {
        "fr": "Amina a commencé par apprendre la couture à trois voisines dans son salon, à "
        "Eastleigh. Aujourd'hui, sa coopérative a formé plus de deux cents femmes.",
        "es": "Amina empezó enseñando a coser a tres vecinas en la sala de su casa, en Eastleigh. "
        "Hoy su cooperativa ha formado a más de doscientas mujeres.",
        "ar": "بدأت أمينة بتعليم ثلاث من جاراتها الخياطة في غرفة معيشتها في حي إيستلي. واليوم "
        "درّبت تعاونيتها أكثر من مئتي امرأة.",
    },
    "When Amina arrived in Nairobi she had a sewing machine and a skill. She shared both, and "
    "the women she trained now run stalls of their own.": {
        "fr": "À son arrivée à Nairobi, Amina avait une machine à coudre et un savoir-faire. Elle "
        "a partagé les deux, et les femmes qu'elle a formées tiennent aujourd'hui leurs propres "
        "étals.",
        "es": "Cuando Amina llegó a Nairobi tenía una máquina de coser y un oficio. Compartió "
        "ambos, y las mujeres a las que formó atienden hoy sus propios puestos.",
        "ar": "عندما وصلت أمينة إلى نيروبي كانت تملك ماكينة خياطة ومهارة، فتقاسمت الاثنتين مع "
        "غيرها، وصارت النساء اللواتي درّبتهن يدرن اليوم أكشاكهن الخاصة.",
    },
    "A needle does not ask where you come from. It only asks if you are patient.": {
        "fr": "Une aiguille ne demande pas d'où l'on vient. Elle demande seulement si l'on est "
        "patient.",
        "es": "Una aguja no pregunta de dónde vienes. Solo pregunta si tienes paciencia.",
        "ar": "الإبرة لا تسألك من أين أتيت، بل تسألك فقط إن كنت صبورًا.",
    },
    "The cooperative welcomes Kenyan and Somali women alike, and its profits pay for the school "
    "fees of forty children.": {
        "fr": "La coopérative accueille aussi bien des Kényanes que des Somaliennes, et ses "
        "bénéfices paient les frais de scolarité de quarante enfants.",
        "es": "La cooperativa acoge por igual a mujeres kenianas y somalíes, y sus beneficios "
        "pagan la escolaridad de cuarenta niños.",
        "ar": "ترحّب التعاونية بالنساء الكينيات والصوماليات على حد سواء، وتغطي أرباحها الرسوم "
        "المدرسية لأربعين طفلًا.",
    },
    # Jean-Paul Habimana -------------------------------------------------------------------
    "Jean-Paul Habimana": {
        "fr": "Jean-Paul Habimana",
        "es": "Jean-Paul Habimana",
        "ar": "جان بول هابيمانا",
    },
    "Maths lessons under a mango tree": {
        "fr": "Des cours de maths sous un manguier",
        "es": "Clases de matemáticas bajo un mango",
        "ar": "دروس في الرياضيات تحت شجرة مانجو",
    },
    "A former teacher from Burundi, Jean-Paul runs free evening maths classes that have helped "
    "dozens of teenagers pass their national exams.": {
        "fr": "Ancien enseignant venu du Burundi, Jean-Paul donne des cours du soir gratuits de "
        "mathématiques qui ont aidé des dizaines d'adolescents à réussir leurs examens "
        "nationaux.",
        "es": "Exprofesor originario de Burundi, Jean-Paul imparte clases nocturnas gratuitas de "
        "matemáticas que han ayudado a decenas de adolescentes a aprobar sus exámenes "
        "nacionales.",
        "ar": "جان بول معلّم سابق من بوروندي، يقدّم دروسًا مسائية مجانية في الرياضيات ساعدت "
        "عشرات المراهقين على النجاح في امتحاناتهم الوطنية.",
    },
    "His classes began with a chalkboard leaning on a mango tree. Parents soon brought "
    "benches, then a roof.": {
        "fr": "Ses cours ont commencé avec un tableau noir appuyé contre un manguier. Les "
        "parents ont vite apporté des bancs, puis un toit.",
        "es": "Sus clases empezaron con una pizarra apoyada en un mango. Pronto los padres "
        "trajeron bancos y, después, un techo.",
        "ar": "بدأت دروسه بسبّورة مسنودة إلى شجرة مانجو، وسرعان ما أحضر الأهالي مقاعد، ثم سقفًا.",
    },
    "Numbers are the same in every language.": {
        "fr": "Les chiffres sont les mêmes dans toutes les langues.",
        "es": "Los números son los mismos en todos los idiomas.",
        "ar": "الأرقام واحدة في كل اللغات.",
    },
    "Last year every one of his students passed the mathematics paper of the Kenya Certificate "
    "of Secondary Education.": {
        "fr": "L'an dernier, tous ses élèves ont réussi l'épreuve de mathématiques du certificat "
        "kényan d'études secondaires.",
        "es": "El año pasado, todos sus alumnos aprobaron el examen de matemáticas del "
        "Certificado Keniano de Educación Secundaria.",
        "ar": "وفي العام الماضي نجح جميع طلابه في امتحان الرياضيات لشهادة التعليم الثانوي الكينية.",
    },
    # Hala Al-Masri ------------------------------------------------------------------------
    "Hala Al-Masri": {"fr": "Hala Al-Masri", "es": "Hala Al-Masri", "ar": "هالة المصري"},
    "Coding club for girls in Amman": {
        "fr": "Un club de programmation pour les filles à Amman",
        "es": "Un club de programación para chicas en Ammán",
        "ar": "نادٍ للبرمجة للفتيات في عمّان",
    },
    "A software engineer from Aleppo, Hala teaches girls from Jordanian and Syrian families to "
    "build their own apps.": {
        "fr": "Ingénieure logiciel originaire d'Alep, Hala apprend à des filles de familles "
        "jordaniennes et syriennes à créer leurs propres applications.",
        "es": "Ingeniera de software originaria de Alepo, Hala enseña a chicas de familias "
        "jordanas y sirias a crear sus propias aplicaciones.",
        "ar": "هالة مهندسة برمجيات من حلب، تعلّم فتيات من أسر أردنية وسورية كيف يصمّمن "
        "تطبيقاتهن الخاصة.",
    },
    "The club meets after school in a community centre. Its first app helps families find free "
    "clinics nearby.": {
        "fr": "Le club se réunit après l'école dans un centre communautaire. Sa première "
        "application aide les familles à trouver des dispensaires gratuits près de chez elles.",
        "es": "El club se reúne después de clase en un centro comunitario. Su primera aplicación "
        "ayuda a las familias a encontrar clínicas gratuitas cercanas.",
        "ar": "يجتمع النادي بعد انتهاء الدوام المدرسي في مركز مجتمعي، ويساعد أول تطبيق طوّره "
        "الأسرَ على إيجاد عيادات مجانية قريبة منها.",
    },
    "Code is a language the future speaks.": {
        "fr": "Le code est une langue que parle l'avenir.",
        "es": "El código es un idioma que habla el futuro.",
        "ar": "البرمجة لغةٌ يتحدّث بها المستقبل.",
    },
    "Two of Hala's students won a national innovation prize this year.": {
        "fr": "Cette année, deux élèves de Hala ont remporté un prix national de l'innovation.",
        "es": "Este año, dos alumnas de Hala ganaron un premio nacional de innovación.",
        "ar": "وفازت هذا العام اثنتان من طالبات هالة بجائزة وطنية للابتكار.",
    },
    # Rosa Elena Martínez ------------------------------------------------------------------
    "Rosa Elena Martínez": {
        "fr": "Rosa Elena Martínez",
        "es": "Rosa Elena Martínez",
        "ar": "روزا إيلينا مارتينيز",
    },
    "A kitchen that feeds three hundred people a day": {
        "fr": "Une cuisine qui nourrit trois cents personnes par jour",
        "es": "Una cocina que alimenta a trescientas personas al día",
        "ar": "مطبخ يُطعم ثلاثمئة شخص يوميًا",
    },
    "Rosa Elena arrived in Tijuana with her two daughters. Now she runs the kitchen of the "
    "shelter that took them in.": {
        "fr": "Rosa Elena est arrivée à Tijuana avec ses deux filles. Elle dirige aujourd'hui la "
        "cuisine du refuge qui les a accueillies.",
        "es": "Rosa Elena llegó a Tijuana con sus dos hijas. Hoy dirige la cocina del albergue "
        "que las acogió.",
        "ar": "وصلت روزا إيلينا إلى تيخوانا مع ابنتيها، وهي اليوم تدير مطبخ المأوى الذي استقبلهن.",
    },
    "Every day her team of volunteers cooks for three hundred people, with food donated by "
    "local markets.": {
        "fr": "Chaque jour, son équipe de bénévoles cuisine pour trois cents personnes, avec des "
        "denrées offertes par les marchés du quartier.",
        "es": "Cada día, su equipo de voluntarios cocina para trescientas personas con alimentos "
        "donados por los mercados locales.",
        "ar": "يطهو فريقها من المتطوعين كل يوم لثلاثمئة شخص، بمواد غذائية تتبرّع بها الأسواق "
        "المحلية.",
    },
    "Nobody should be hungry on the road.": {
        "fr": "Personne ne devrait avoir faim sur la route.",
        "es": "Nadie debería pasar hambre en el camino.",
        "ar": "لا ينبغي أن يجوع أحد في الطريق.",
    },
    "She also teaches newcomers how to run a small food business.": {
        "fr": "Elle apprend aussi aux nouveaux arrivants à tenir un petit commerce de "
        "restauration.",
        "es": "También enseña a los recién llegados a llevar un pequeño negocio de comida.",
        "ar": "كما تعلّم الوافدين الجدد كيفية إدارة مشروع صغير في مجال الطعام.",
    },
    # Hero categories (snippets) -----------------------------------------------------------
    "Public figure": {"fr": "Personnalité publique", "es": "Figura pública", "ar": "شخصية عامة"},
    "Migrants known nationally or internationally.": {
        "fr": "Des migrants connus dans leur pays ou dans le monde.",
        "es": "Migrantes conocidos a nivel nacional o internacional.",
        "ar": "مهاجرون معروفون على الصعيد الوطني أو الدولي.",
    },
    "Community leader": {
        "fr": "Leader communautaire",
        "es": "Líder comunitario",
        "ar": "قائد مجتمعي",
    },
    "People who bring their neighbourhood together.": {
        "fr": "Des personnes qui rassemblent leur quartier.",
        "es": "Personas que unen a su barrio.",
        "ar": "أشخاص يجمعون أهل حيّهم.",
    },
    "Entrepreneur": {"fr": "Entrepreneur", "es": "Emprendedor", "ar": "رائد أعمال"},
    "Founders whose businesses create jobs and skills.": {
        "fr": "Des créateurs d'entreprises qui font naître des emplois et des compétences.",
        "es": "Fundadores cuyas empresas crean empleo y capacidades.",
        "ar": "مؤسسو مشاريع توفّر فرص العمل وتنمّي المهارات.",
    },
    "Artist": {"fr": "Artiste", "es": "Artista", "ar": "فنان"},
    "Musicians, painters, writers and performers.": {
        "fr": "Musiciens, peintres, écrivains et artistes de scène.",
        "es": "Músicos, pintores, escritores y artistas escénicos.",
        "ar": "موسيقيون ورسامون وكتّاب وفنانو أداء.",
    },
    "Athlete": {"fr": "Sportif", "es": "Deportista", "ar": "رياضي"},
    "Sportspeople and coaches.": {
        "fr": "Sportifs et entraîneurs.",
        "es": "Deportistas y entrenadores.",
        "ar": "رياضيون ومدرّبون.",
    },
    "Educator": {"fr": "Éducateur", "es": "Educador", "ar": "تربوي"},
    "Teachers and mentors.": {
        "fr": "Enseignants et mentors.",
        "es": "Docentes y mentores.",
        "ar": "معلّمون ومرشدون.",
    },
    "Health worker": {
        "fr": "Professionnel de santé",
        "es": "Profesional sanitario",
        "ar": "عامل صحي",
    },
    "Nurses, doctors, mediators and carers.": {
        "fr": "Infirmiers, médecins, médiateurs et aidants.",
        "es": "Enfermeros, médicos, mediadores y cuidadores.",
        "ar": "ممرضون وأطباء ووسطاء ومقدّمو رعاية.",
    },
    # Campaign material (snippets) ---------------------------------------------------------
    "#MigrantHeroes info sheet (A4)": {
        "fr": "Fiche d'information #MigrantHeroes (A4)",
        "es": "Hoja informativa de #MigrantHeroes (A4)",
        "ar": "النشرة التعريفية لحملة #MigrantHeroes (A4)",
    },
    "The campaign on one page: what it is, how to nominate a hero, how to vote.": {
        "fr": "La campagne en une page : ce qu'elle est, comment proposer un héros, comment voter.",
        "es": "La campaña en una página: qué es, cómo proponer a un héroe, cómo votar.",
        "ar": "الحملة في صفحة واحدة: ما هي، وكيف ترشّح بطلًا، وكيف تصوّت.",
    },
    "#MigrantHeroes donor info sheet": {
        "fr": "Fiche d'information #MigrantHeroes pour les donateurs",
        "es": "Hoja informativa de #MigrantHeroes para donantes",
        "ar": "النشرة التعريفية لحملة #MigrantHeroes للجهات المانحة",
    },
    "For donors and private-sector partners who want to support the campaign.": {
        "fr": "Pour les donateurs et les partenaires du secteur privé qui souhaitent soutenir la "
        "campagne.",
        "es": "Para los donantes y socios del sector privado que desean apoyar la campaña.",
        "ar": "للجهات المانحة وشركاء القطاع الخاص الراغبين في دعم الحملة.",
    },
}

# The vote page ------------------------------------------------------------------------------
TEXTS.update(
    {
        "Vote for the best stories": {
            "fr": "Votez pour les meilleures histoires",
            "es": "Vote por las mejores historias",
            "ar": "صوّتوا لأفضل القصص",
        },
        "Headquarters shortlisted ten stories. Choose the three best: your vote counts once "
        "you confirm it from the email we send you.": {
            "fr": "Le siège a présélectionné dix histoires. Choisissez les trois meilleures : "
            "votre vote compte une fois confirmé depuis le courriel que nous vous envoyons.",
            "es": "La sede preseleccionó diez historias. Elija las tres mejores: su voto cuenta "
            "una vez que lo confirme desde el correo que le enviamos.",
            "ar": "اختار المقر عشر قصص. اختاروا أفضل ثلاث منها: يُحتسب صوتكم بعد تأكيده من "
            "البريد الإلكتروني الذي نرسله إليكم.",
        },
    }
)

# IOM Goodwill Ambassadors and the criteria of a Migrant Hero ---------------------------------
TEXTS.update(
    {
        "IOM Goodwill Ambassadors": {
            "fr": "Ambassadeurs de bonne volonté de l'OIM",
            "es": "Embajadores de Buena Voluntad de la OIM",
            "ar": "سفراء النوايا الحسنة للمنظمة الدولية للهجرة",
        },
        "Selected Migrant Heroes become IOM Goodwill Ambassadors, carrying the message that "
        "positive environments must be created for migrants.": {
            "fr": "Des héros migrants sélectionnés deviennent ambassadeurs de bonne volonté de "
            "l'OIM et portent le message qu'il faut créer des environnements favorables aux "
            "migrants.",
            "es": "Los héroes migrantes seleccionados se convierten en Embajadores de Buena "
            "Voluntad de la OIM y transmiten el mensaje de que hay que crear entornos "
            "favorables para los migrantes.",
            "ar": "يصبح أبطال مهاجرون مختارون سفراء للنوايا الحسنة للمنظمة الدولية للهجرة، "
            "يحملون رسالة مفادها أنه يجب تهيئة بيئات مواتية للمهاجرين.",
        },
        "For the cooperative that trained more than two hundred women in Nairobi, and for "
        "speaking up for migrant women across Kenya.": {
            "fr": "Pour la coopérative qui a formé plus de deux cents femmes à Nairobi, et pour "
            "sa voix en faveur des femmes migrantes dans tout le Kenya.",
            "es": "Por la cooperativa que ha formado a más de doscientas mujeres en Nairobi, y "
            "por alzar la voz por las mujeres migrantes de todo Kenia.",
            "ar": "تقديرًا للتعاونية التي درّبت أكثر من مئتي امرأة في نيروبي، ولدفاعها عن "
            "النساء المهاجرات في جميع أنحاء كينيا.",
        },
        "Who is a Migrant Hero?": {
            "fr": "Qui est un héros migrant ?",
            "es": "¿Quién es un héroe migrante?",
            "ar": "من هو البطل المهاجر؟",
        },
        "The campaign's country offices look for Migrant Heroes with these criteria, and read "
        "every nomination against them.": {
            "fr": "Les bureaux de pays de la campagne recherchent des héros migrants selon ces "
            "critères et examinent chaque proposition à leur lumière.",
            "es": "Las oficinas de país de la campaña buscan héroes migrantes con estos "
            "criterios y leen cada propuesta a la luz de ellos.",
            "ar": "تبحث المكاتب القُطرية للحملة عن الأبطال المهاجرين وفق هذه المعايير، "
            "وتقرأ كل ترشيح في ضوئها.",
        },
        "A migrant": {"fr": "Un migrant", "es": "Una persona migrante", "ar": "مهاجر"},
        "Someone originating from the country, or who migrated to it.": {
            "fr": "Une personne originaire du pays, ou qui a migré vers ce pays.",
            "es": "Una persona originaria del país, o que migró a él.",
            "ar": "شخص من أبناء البلد، أو هاجر إليه.",
        },
        "Willing to become public": {
            "fr": "Prêt à parler publiquement",
            "es": "Dispuesto a hacerse público",
            "ar": "مستعد للظهور علنًا",
        },
        "They are willing to become public, or are already a public figure.": {
            "fr": "La personne est prête à se faire connaître du public, ou c'est déjà une "
            "personnalité publique.",
            "es": "La persona está dispuesta a hacerse pública, o ya es una figura pública.",
            "ar": "مستعد للظهور أمام الجمهور، أو هو بالفعل شخصية عامة.",
        },
        "An advocate for migrants": {
            "fr": "Une voix pour les migrants",
            "es": "Una voz a favor de los migrantes",
            "ar": "مدافع عن المهاجرين",
        },
        "They have the capacity to advocate for migrants and to carry the message that "
        "positive environments for migrants must be created.": {
            "fr": "La personne a la capacité de plaider en faveur des migrants et de porter le "
            "message qu'il faut créer des environnements favorables aux migrants.",
            "es": "La persona tiene la capacidad de abogar por los migrantes y de transmitir el "
            "mensaje de que hay que crear entornos favorables para ellos.",
            "ar": "لديه القدرة على الدفاع عن المهاجرين وحمل رسالة مفادها أنه يجب تهيئة بيئات "
            "مواتية لهم.",
        },
        "A contribution recognised": {
            "fr": "Une contribution reconnue",
            "es": "Una contribución reconocida",
            "ar": "إسهام يستحق التقدير",
        },
        "They contribute to their community, and their place and contributions to our "
        "societies deserve to be recognised.": {
            "fr": "La personne contribue à sa communauté, et sa place et ses contributions à "
            "nos sociétés méritent d'être reconnues.",
            "es": "La persona contribuye a su comunidad, y su lugar y sus aportaciones a "
            "nuestras sociedades merecen ser reconocidos.",
            "ar": "يسهم في مجتمعه، ومكانته وإسهاماته في مجتمعاتنا جديرة بالاعتراف.",
        },
        "A compelling story": {
            "fr": "Une histoire marquante",
            "es": "Una historia conmovedora",
            "ar": "قصة مؤثرة",
        },
        "Their story is authentic and compelling: the voice of global migration.": {
            "fr": "Son histoire est authentique et marquante : une voix de la migration dans le "
            "monde.",
            "es": "Su historia es auténtica y conmovedora: una voz de la migración en el mundo.",
            "ar": "قصته أصيلة ومؤثرة: صوت من أصوات الهجرة حول العالم.",
        },
    }
)
