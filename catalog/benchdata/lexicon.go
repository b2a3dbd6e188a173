package benchdata

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon is what the generator writes one language with: frequent short
// words, domain words (the front of the list is the most frequent), and a
// script for made-up words and place names, so that every language has a
// long tail of rare words as real text does.
type lexicon struct {
	code      string
	function  []string
	domain    []string
	compounds bool                    // German: glue domain stems into long compound words
	script    func(*rand.Rand) string // a made-up word in the language's script
	translit  func(string) string     // a German place name in the language's script; nil: unchanged
	stop      string                  // sentence end
	district  string                  // the word for district, before its name
}

// languages are the catalogue languages the generator knows, in menu
// order: the source language first, then English, the fallback.
var languages = []*lexicon{
	{
		code:      "de",
		compounds: true,
		function: words(`und für die der das mit von zur zum bei auf in im an aus nach über vor durch ohne oder sowie auch
			wir Sie Ihre Ihnen unsere eine einen einer dem den des ist sind wird werden können helfen beraten unterstützen
			begleiten vermitteln informieren erhalten gemeinsam kostenlos persönlich vertraulich individuell mehrsprachig
			regelmäßig online direkt schnell gerne`),
		domain: words(`Gründung Beratung Finanzierung Förderung Existenzgründung Unternehmen Selbständigkeit Anerkennung
			Qualifikation Netzwerk Mikrokredit Zuschuss Darlehen Businessplan Geschäftsidee Unternehmerin Unternehmer
			Gründerinnen Gründer Steuerberatung Buchhaltung Gewerbeanmeldung Handwerkskammer Wirtschaftsförderung Jobcenter
			Agentur Migrantenökonomie Einwanderungsgeschichte Fachkräfte Weiterbildung Coaching Mentoring Workshop Seminar
			Informationsabend Sprechstunde Termin Vereinbarung Ansprechpartnerin Gastronomie Einzelhandel Dienstleistung
			Pflege Handwerk Digitalisierung Marketing Versicherung Krankenversicherung Aufenthaltserlaubnis Aufenthaltstitel
			Nachfolge Betriebsübernahme Standort Kunden Preise Kalkulation Liquidität Bürgschaft Gründerzentrum Landkreis
			Region Programm Projekt Berufsabschluss Sprachkurs Deutschkurs Integrationskurs Kammer Meisterbrief Zeugnisse
			Unterlagen Antrag Bescheid Frist Kosten Miete Laden Werkstatt Imbiss Friseursalon Reinigung Transport Lieferdienst
			Onlinehandel Steuern Umsatzsteuer Finanzamt Bank Konto Kredit Eigenkapital Startkapital Sicherheiten Vertrag
			Mietvertrag Genehmigung Ordnungsamt Hygiene Arbeitsrecht Mitarbeitende Ausbildung Praktikum Familie Frauen
			Jugendliche Geflüchtete Zugewanderte Menschen Erfahrung Kenntnisse Sprachen Dolmetscher Übersetzung`),
		script: func(r *rand.Rand) string {
			return upperFirst(syllables(r, latinOnsets, germanVowels, germanCodas, 2, 4))
		},
		stop:     ".",
		district: "Landkreis",
	},
	{
		code: "en",
		function: words(`and for the of with in to a an on at by from your our we you is are can will help advise support
			free personal confidential online together regularly directly also or before after`),
		domain: words(`business start-up founding advice counselling financing funding grant loan microcredit recognition
			qualification qualifications language course network mentoring coaching workshop seminar tax accounting
			registration chamber crafts trade commerce plan idea entrepreneurs migrants women self-employment company
			takeover succession digitalisation marketing insurance residence permit consultation appointment office district
			region programme project information evening guidance application documents market customers prices liquidity
			guarantee centre shop restaurant care certificate training families refugees newcomers experience interpreter`),
		script:   func(r *rand.Rand) string { return syllables(r, latinOnsets, "aeiouy", "nrstlmdk", 2, 3) },
		stop:     ".",
		district: "District",
	},
	{
		code: "ar",
		function: words(`و في من إلى على مع عن هذا هذه التي الذي أو كما نحن أنت يمكن سوف مجانا بشكل شخصي سري معا عبر
			الإنترنت أيضا قبل بعد كل`),
		domain: words(`استشارات التأسيس تأسيس المشاريع المشروع تمويل التمويل دعم قرض قروض منحة خطة العمل ضرائب دورة اللغة
			الاعتراف بالمؤهلات المؤهلات الشركات الصغيرة المهاجرين ألمانيا مكتب مشورة شبكة رواد الأعمال النساء العمل الحر
			الغرفة الحرفية التجارة التسجيل موعد المنطقة برنامج معلومات أمسية الوثائق السوق العملاء الأسعار ضمان مركز متجر
			مطعم رعاية شهادة تدريب العائلات اللاجئين خبرة مترجم الإقامة تصريح التأمين التسويق الرقمنة`),
		script: func(r *rand.Rand) string {
			return letters(r, []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), 3, 8)
		},
		translit: arabicTranslit,
		stop:     ".",
		district: "منطقة",
	},
	{
		code: "tr",
		function: words(`ve için ile bir bu da de veya gibi biz siz sizin bizim olarak daha çok ücretsiz kişisel gizli birlikte
			çevrimiçi düzenli doğrudan önce sonra her`),
		domain: words(`girişim danışmanlığı danışmanlık kuruluş kurma finansman destek işletme şirket kredi hibe iş planı vergi
			dil kursu ağ tanınma nitelik diploma girişimci kadınlar göçmenler serbest meslek oda zanaat ticaret kayıt
			randevu bölge program proje bilgi akşamı belgeler pazar müşteriler fiyatlar garanti merkez dükkan lokanta bakım
			sertifika eğitim aileler mülteciler deneyim tercüman oturma izni sigorta pazarlama dijitalleşme`),
		script: func(r *rand.Rand) string {
			return syllables(r, "bcçdfghjklmnprsştvyz", "aeıioöuü", "nrlkmst", 2, 3)
		},
		stop:     ".",
		district: "İlçe",
	},
	{
		code: "ru",
		function: words(`и для в с на по от до о к это или также мы вы ваш наш можно будет бесплатно лично конфиденциально вместе
			онлайн регулярно прямо перед после каждый`),
		domain: words(`консультация консультации создание бизнеса бизнес финансирование поддержка кредит микрокредит грант
			бизнес-план налоги языковой курс признание квалификации диплома предпринимателей предприниматели мигрантов
			Германии сеть основание женщин самозанятость палата ремесленная торговли регистрация встреча район программа
			проект информация вечер документы рынок клиенты цены гарантия центр магазин ресторан уход сертификат обучение
			семьи беженцы опыт переводчик вид жительство страхование маркетинг цифровизация`),
		script: func(r *rand.Rand) string {
			return syllables(r, "бвгджзклмнпрстфхцчшщ", "аеиоуыэюя", "нрлкмстй", 2, 4)
		},
		translit: cyrillicTranslit,
		stop:     ".",
		district: "Район",
	},
	{
		code: "uk",
		function: words(`і та для в з на по від до про це або також ми ви ваш наш можна буде безкоштовно особисто конфіденційно
			разом онлайн регулярно перед після кожен`),
		domain: words(`консультація консультації заснування бізнесу бізнес фінансування підтримка кредит мікрокредит грант
			бізнес-план податки мовний курс визнання кваліфікації диплома підприємців підприємці мігрантів Німеччині мережа
			жінок самозайнятість палата реміснича торгівлі реєстрація зустріч район програма проєкт інформація вечір
			документи ринок клієнти ціни гарантія центр магазин ресторан догляд сертифікат навчання родини біженці досвід
			перекладач посвідка проживання страхування маркетинг цифровізація`),
		script: func(r *rand.Rand) string {
			return syllables(r, "бвгґджзклмнпрстфхцчшщ", "аеєиіїоуюя", "нрлкмстй", 2, 4)
		},
		translit: ukrainianTranslit,
		stop:     ".",
		district: "Район",
	},
	{
		code: "fa",
		//lint:ignore ST1018 Persian words are written with the zero-width non-joiner
		function: words(`و در از به برای با این آن که یا همچنین ما شما می‌توانید رایگان شخصی محرمانه باهم آنلاین مستقیم
			قبل بعد هر`),
		//lint:ignore ST1018 Persian words are written with the zero-width non-joiner
		domain: words(`مشاوره تأسیس کسب‌وکار تأمین مالی حمایت وام کمک‌هزینه طرح تجاری مالیات دوره زبان شناسایی مدارک
			کارآفرینان مهاجران آلمان شبکه زنان خوداشتغالی اتاق صنایع تجارت ثبت وقت منطقه برنامه پروژه اطلاعات شب
			بازار مشتریان قیمت‌ها ضمانت مرکز فروشگاه رستوران مراقبت گواهی آموزش خانواده‌ها پناهندگان تجربه مترجم اقامت
			بیمه بازاریابی دیجیتال`),
		script: func(r *rand.Rand) string {
			return letters(r, []rune("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"), 3, 8)
		},
		translit: arabicTranslit,
		stop:     ".",
		district: "منطقه",
	},
	{
		code: "pl",
		function: words(`i dla w z na po od do o to lub także my wy wasz nasz można będzie bezpłatnie osobiście poufnie razem
			online regularnie bezpośrednio przed po każdy`),
		domain: words(`doradztwo założenie firmy firma finansowanie wsparcie kredyt mikrokredyt dotacja biznesplan podatki kurs
			językowy uznanie kwalifikacji dyplomu przedsiębiorców migrantów Niemczech sieć kobiet samozatrudnienie izba
			rzemieślnicza handlu rejestracja termin powiat program projekt informacja wieczór dokumenty rynek klienci ceny
			gwarancja centrum sklep restauracja opieka certyfikat szkolenie rodziny uchodźcy doświadczenie tłumacz pobyt
			ubezpieczenie marketing cyfryzacja`),
		script: func(r *rand.Rand) string {
			return syllables(r, "bcćdfghjklłmnńprsśtwzźż", "aąeęioóuy", "nrlkmstj", 2, 4)
		},
		stop:     ".",
		district: "Powiat",
	},
	{
		code: "ro",
		function: words(`și pentru cu în la de pe din sau de asemenea noi voi vă nostru puteți va gratuit personal confidențial
			împreună online regulat direct înainte după fiecare`),
		domain: words(`consiliere înființare afaceri afacere finanțare sprijin credit microcredit subvenție plan impozite curs
			limbă recunoaștere calificări diplomă antreprenori migranți Germania rețea femei activitate independentă camera
			meșteșuguri comerț înregistrare programare district program proiect informare seară documente piață clienți
			prețuri garanție centru magazin restaurant îngrijire certificat formare familii refugiați experiență traducător
			ședere asigurare marketing digitalizare`),
		script:   func(r *rand.Rand) string { return syllables(r, "bcdfghjlmnprsștțvz", "aăâeiîou", "nrlmst", 2, 4) },
		stop:     ".",
		district: "Districtul",
	},
	{
		code:     "ti",
		function: words(`ን ኣብ ካብ ምስ ናይ እዚ እቲ ወይ ከምኡ ውን ንሕና ንስኹም ክትረኽቡ ብናጻ ብውልቂ ብሓባር ኦንላይን ቅድሚ ድሕሪ ኩሉ`),
		domain: words(`ምኽሪ ምጅማር ንግዲ ፋይናንስ ደገፍ ልቓሕ ሓገዝ መደብ ግብሪ ትምህርቲ ቋንቋ ኣፍልጦ ብቕዓት ዲፕሎማ ነጋዶ ስደተኛታት
			ጀርመን መርበብ ደቂ ኣንስትዮ ናጻ ስራሕ ቤት ጽሕፈት ምዝገባ ቆጸራ ዞባ ፕሮግራም ፕሮጀክት ሓበሬታ ምሸት ሰነዳት ዕዳጋ
			ዓማዊል ዋጋታት ዋሕስ ማእከል ድኳን ቤት መግቢ ክንክን ምስክር ወረቐት ስልጠና ስድራቤታት ተሞክሮ ተርጓሚ መንበሪ ፍቓድ ውሕስነት`),
		script:   ethiopicWord,
		translit: ethiopicTranslit,
		stop:     "።",
		district: "ዞባ",
	},
	{
		code: "so",
		function: words(`iyo ee ku la oo ka u si ama sidoo kale waxaan aad kuu waxaad bilaash shakhsi ahaan sir ah wadajir
			online si joogto ah toos kahor kadib kasta`),
		domain: words(`talo ganacsi aasaasid maalgelin taageero deyn deeq qorshe canshuur koorso luqadeed aqoonsi shahaado
			ganacsato muhaajiriin Jarmalka shabakad haweenka shaqo madax banaan qolka farsamada ganacsiga diiwaangelin
			ballan degmo barnaamij mashruuc macluumaad fiid dukumiinti suuq macaamiil qiimo dammaanad xarun dukaan
			makhaayad daryeel shahaadad tababar qoysas qaxooti khibrad turjumaan sharci deganaansho caymis suuqgeyn`),
		script:   func(r *rand.Rand) string { return syllables(r, "bdfghjklmnqrstwxy", "aeiou", "nrlmd", 2, 4) },
		stop:     ".",
		district: "Degmada",
	},
	{
		code: "ku",
		function: words(`û ji bo bi li di de ku an jî em hûn we me dikarin dê bêpere kesane nepenî bi hev re serhêl bi rêkûpêk
			rasterast berî piştî her`),
		domain: words(`şêwirmendî damezrandin karsazî fînansekirin piştgirî deyn alîkarî plan bac qurs ziman naskirin
			bawernameyên dîploma karsaz koçber Almanya tor jin xebata serbixwe jûre pîşesazî bazirganî tomarkirin
			randevû herêm bername proje agahî êvar belge bazar xerîdar biha garantî navend dikan xwaringeh lênêrîn
			sertîfîka perwerde malbat penaber ezmûn wergêr destûr mayîn sîgorte marketing dîjîtalîzasyon`),
		script: func(r *rand.Rand) string {
			return syllables(r, "bcçdfghjklmnprsştvxz", "aeêiîouû", "nrlmst", 2, 4)
		},
		stop:     ".",
		district: "Herêma",
	},
}

// Compound parts: a determining stem (with its linking s), optional
// middles, and a head, as in Existenz|gründungs|beratung.
var (
	compoundFirst = words(`Existenz Gründungs Unternehmens Finanzierungs Förder Sprach Beratungs Anerkennungs Weiterbildungs
		Wirtschafts Steuer Handwerks Gewerbe Kredit Markt Betriebs Fach Integrations Migrations Frauen Jugend Kunden Personal
		Geschäfts Innovations Digital Qualifizierungs Meister Nachfolge`)
	compoundMiddle = words(`gründungs finanzierungs förder beratungs kredit planungs anerkennungs`)
	compoundHead   = words(`beratung gründung förderung programm kurs netzwerk zentrum stelle plan angebot zuschuss darlehen
		gespräch verfahren check seminar werkstatt lotsen begleitung coaching sprechstunde prüfung idee kammer agentur büro`)
)

func words(s string) []string { return strings.Fields(s) }

const (
	latinOnsets  = "bdfghklmnprstwz"
	germanVowels = "aeiouäöü"
	germanCodas  = "nrlstmkch"
)

// syllables makes a word of lo to hi syllables.
func syllables(r *rand.Rand, onsets, vowels, codas string, lo, hi int) string {
	on, vo, co := []rune(onsets), []rune(vowels), []rune(codas)
	var b strings.Builder
	for range lo + r.IntN(hi-lo+1) {
		b.WriteRune(on[r.IntN(len(on))])
		b.WriteRune(vo[r.IntN(len(vo))])
		if r.IntN(3) == 0 {
			b.WriteRune(co[r.IntN(len(co))])
		}
	}
	return b.String()
}

// letters makes a word of lo to hi letters drawn from alphabet.
func letters(r *rand.Rand, alphabet []rune, lo, hi int) string {
	n := lo + r.IntN(hi-lo+1)
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(out)
}

// ethiopicRows are rows of the Ethiopic syllabary (a consonant with its
// seven vowel orders) in which every order is assigned.
var ethiopicRows = []rune{0x1200, 0x1208, 0x1210, 0x1218, 0x1220, 0x1228, 0x1230, 0x1238, 0x1240, 0x1260, 0x1268,
	0x1270, 0x1278, 0x1280, 0x1290, 0x1298, 0x12A0, 0x12A8, 0x12B8, 0x12C8, 0x12D0, 0x12D8, 0x12E8, 0x12F0, 0x1300,
	0x1308, 0x1320, 0x1328, 0x1330, 0x1338, 0x1340, 0x1348, 0x1350}

// ethiopicWord makes a word of two to five Ethiopic syllables.
func ethiopicWord(r *rand.Rand) string {
	out := make([]rune, 2+r.IntN(4))
	for i := range out {
		out[i] = ethiopicRows[r.IntN(len(ethiopicRows))] + rune(r.IntN(7))
	}
	return string(out)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Place names in other scripts, letter by letter: rough, but consistent,
// which is what search needs.
var (
	cyrillicLetters = map[rune]string{'a': "а", 'b': "б", 'c': "к", 'd': "д", 'e': "е", 'f': "ф", 'g': "г", 'h': "х",
		'i': "и", 'j': "й", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'q': "к", 'r': "р", 's': "з",
		't': "т", 'u': "у", 'v': "ф", 'w': "в", 'x': "кс", 'y': "ю", 'z': "ц", 'ä': "е", 'ö': "ё", 'ü': "ю", 'ß': "сс"}
	ukrainianLetters = map[rune]string{'e': "е", 'i': "і", 'y': "и", 'h': "г", 'g': "ґ"}
	arabicLetters    = map[rune]string{'a': "ا", 'b': "ب", 'c': "ك", 'd': "د", 'e': "ي", 'f': "ف", 'g': "غ", 'h': "ه",
		'i': "ي", 'j': "ي", 'k': "ك", 'l': "ل", 'm': "م", 'n': "ن", 'o': "و", 'p': "ب", 'q': "ق", 'r': "ر", 's': "س",
		't': "ت", 'u': "و", 'v': "ف", 'w': "ف", 'x': "كس", 'y': "ي", 'z': "تس", 'ä': "ي", 'ö': "و", 'ü': "و", 'ß': "س"}
)

func cyrillicTranslit(s string) string { return translit(s, cyrillicLetters, nil) }

func ukrainianTranslit(s string) string { return translit(s, ukrainianLetters, cyrillicLetters) }

func arabicTranslit(s string) string { return translit(s, arabicLetters, nil) }

func translit(s string, table, fallback map[rune]string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		l := unicode.ToLower(r)
		t, ok := table[l]
		if !ok && fallback != nil {
			t, ok = fallback[l]
		}
		switch {
		case !ok:
			b.WriteRune(r)
			upper = true
			continue
		case upper && r != l:
			t = upperFirst(t)
		}
		b.WriteString(t)
		upper = false
	}
	return b.String()
}

// ethiopicTranslit writes each consonant of a Latin name, with the vowel
// after it, as one Ethiopic syllable; other letters are left out.
func ethiopicTranslit(s string) string {
	rows := map[rune]rune{'h': 0x1200, 'l': 0x1208, 'm': 0x1218, 'r': 0x1228, 's': 0x1230, 'b': 0x1260, 't': 0x1270,
		'n': 0x1290, 'k': 0x12A8, 'c': 0x12A8, 'w': 0x12C8, 'v': 0x12C8, 'z': 0x12D8, 'd': 0x12F0, 'g': 0x1308,
		'f': 0x1348, 'p': 0x1350}
	orders := map[rune]rune{'ä': 0, 'u': 1, 'ü': 1, 'i': 2, 'a': 3, 'e': 4, 'o': 6, 'ö': 6} // no vowel: order 5
	var out []rune
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); i++ {
		row, ok := rows[rs[i]]
		if !ok {
			if !unicode.IsLetter(rs[i]) {
				out = append(out, rs[i])
			}
			continue
		}
		order := rune(5)
		if i+1 < len(rs) {
			if o, ok := orders[rs[i+1]]; ok {
				order = o
				i++
			}
		}
		out = append(out, row+order)
	}
	return string(out)
}
