"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RussianNamePicker = exports.FEMALE_NAMES = exports.MALE_NAMES = exports.SURNAMES = exports.INVARIANT_SURNAMES = void 0;
exports.feminineSurname = feminineSurname;
exports.surnameFor = surnameFor;
exports.patronymicForms = patronymicForms;
exports.patronymic = patronymic;
exports.compareRussian = compareRussian;
/**
 * Russian surnames, first names and patronymics for the school generator.
 *
 * Frequencies are approximate (per mille of a birth cohort), good enough for realistic-looking
 * class lists: many Александр/Анастасия, a few Фома/Таисия. Two cohorts are distinguished:
 * `child` — born 2008–2020 (today's pupils), `adult` — born 1955–2000 (teachers, parents).
 */
const random_1 = require("./random");
// ---------------------------------------------------------------------------------------------
// Surnames
// ---------------------------------------------------------------------------------------------
/**
 * Masculine forms, roughly in order of frequency in Russia (the order sets the weight). Every one of
 * them has a regular feminine form (-ов/-ев/-ёв/-ин/-ын → +а, -ский/-цкий → -ская/-цкая, -ой → -ая).
 */
const DECLINABLE_SURNAMES = `
Смирнов Иванов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Петров Волков Соловьёв
Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров Михайлов Беляев
Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин Гусев Титов Кузьмин Кудрявцев
Баранов Куликов Алексеев Степанов Яковлев Сорокин Сергеев Романов Захаров Борисов Королёв
Герасимов Пономарёв Григорьев Лазарев Медведев Ершов Никитин Соболев Рябов Поляков Цветков
Данилов Жуков Фролов Журавлёв Николаев Крылов Максимов Сидоров Осипов Белоусов Федотов Дорофеев
Егоров Матвеев Бобров Дмитриев Калинин Анисимов Петухов Антонов Тимофеев Никифоров Веселов
Филиппов Марков Большаков Суханов Миронов Ширяев Александров Коновалов Шестаков Казаков Ефимов
Денисов Громов Фомин Давыдов Мельников Щербаков Блинов Колесников Карпов Афанасьев Власов Маслов
Исаков Тихонов Аксёнов Гаврилов Родионов Котов Горбунов Кудряшов Быков Зуев Третьяков Савельев
Панов Рыбаков Суворов Абрамов Воронов Мухин Архипов Трофимов Мартынов Емельянов Горшков Чернов
Овчинников Селезнёв Панфилов Копылов Михеев Галкин Назаров Лобанов Лукин Беляков Потапов Некрасов
Хохлов Жданов Наумов Шилов Воронцов Ермаков Дроздов Игнатьев Савин Логинов Сафонов Капустин
Кириллов Моисеев Елисеев Кошелев Костин Горбачёв Орехов Ефремов Исаев Евдокимов Калашников
Кабанов Носков Юдин Кулагин Лапин Прохоров Нестеров Харитонов Агафонов Муравьёв Ларионов Федосеев
Зимин Пахомов Шубин Игнатов Филатов Крюков Рогов Кулаков Терентьев Молчанов Владимиров Артемьев
Гурьев Зиновьев Гришин Кононов Дементьев Ситников Симонов Мишин Фадеев Комиссаров Мамонтов Носов
Гуляев Шаров Устинов Вишняков Евсеев Лаврентьев Брагин Константинов Корнилов Авдеев Зыков
Бирюков Шарапов Никонов Щукин Дьячков Одинцов Сазонов Якушев Красильников Гордеев Самойлов
Князев Беспалов Уваров Шашков Бобылёв Доронин Белозёров Рожков Самсонов Мясников Лихачёв Буров
Сысоев Фомичёв Русаков Стрелков Гущин Тетерин Колобов Субботин Фокин Блохин Селиверстов Пестов
Кондратьев Силин Меркушев Лыткин Туров Галиев Сафин Ахметов Хабибуллин Гайнуллин Алиев Мамедов
Покровский Никольский Успенский Островский Высоцкий Добровольский Соколовский Жуковский
Вишневский Каменский Белецкий Толстой Луговой Боровой
`
    .trim()
    .split(/\s+/);
/**
 * Surnames that do not change with gender: Ukrainian -енко/-ук/-ик, Siberian -ых/-их, Korean ones
 * (common in Krasnoyarsk krai).
 */
exports.INVARIANT_SURNAMES = [
    'Ким', 'Пак', 'Цой', 'Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Кравченко', 'Литвиненко',
    'Савченко', 'Петренко', 'Черных', 'Седых', 'Белых', 'Долгих', 'Мельник', 'Ковальчук', 'Полищук',
];
/** Feminine form of a declinable masculine surname; throws for a form it does not know. */
function feminineSurname(male) {
    if (exports.INVARIANT_SURNAMES.includes(male))
        return male;
    if (/(ский|цкий)$/.test(male))
        return `${male.slice(0, -2)}ая`;
    if (/[^аеёиоуыэюя]ой$/.test(male))
        return `${male.slice(0, -2)}ая`;
    if (/(ов|ев|ёв|ин|ын)$/.test(male))
        return `${male}а`;
    throw new RangeError(`no rule for the feminine form of the surname «${male}»`);
}
exports.SURNAMES = [
    // Zipf-like weights by rank: Смирнов ~4.5 times as frequent as a surname near the end of the list.
    ...DECLINABLE_SURNAMES.map((male, rank) => ({ male, female: feminineSurname(male), weight: 1 / Math.pow(rank + 12, 0.6) })),
    ...exports.INVARIANT_SURNAMES.map((male) => ({ male, female: male, weight: 0.06 })),
];
function surnameFor(surname, gender) {
    return gender === 'male' ? surname.male : surname.female;
}
function table(rows) {
    return rows.map(([name, child, adult]) => ({ name, child, adult }));
}
exports.MALE_NAMES = table([
    ['Александр', 75, 60], ['Максим', 60, 15], ['Артём', 65, 10], ['Михаил', 55, 20], ['Иван', 50, 15],
    ['Даниил', 45, 2], ['Дмитрий', 45, 45], ['Кирилл', 40, 8], ['Андрей', 25, 55], ['Егор', 35, 4],
    ['Никита', 30, 6], ['Илья', 35, 8], ['Алексей', 20, 50], ['Матвей', 35, 1], ['Тимофей', 30, 1],
    ['Роман', 20, 20], ['Владимир', 15, 40], ['Ярослав', 25, 2], ['Фёдор', 15, 3], ['Георгий', 15, 4],
    ['Константин', 12, 15], ['Лев', 20, 1], ['Марк', 25, 1], ['Арсений', 20, 1], ['Степан', 15, 2],
    ['Владислав', 15, 12], ['Макар', 12, 0.5], ['Глеб', 10, 2], ['Сергей', 10, 80], ['Николай', 8, 25],
    ['Денис', 6, 20], ['Павел', 8, 22], ['Тимур', 10, 8], ['Евгений', 5, 35], ['Семён', 10, 2],
    ['Богдан', 8, 1], ['Вадим', 3, 15], ['Игорь', 3, 35], ['Антон', 5, 20], ['Данил', 8, 1],
    ['Платон', 8, 0.2], ['Савелий', 8, 0.2], ['Мирон', 6, 0.2], ['Захар', 8, 0.5], ['Демид', 5, 0.1],
    ['Святослав', 5, 0.5], ['Всеволод', 4, 0.5], ['Вячеслав', 3, 20], ['Олег', 2, 30], ['Юрий', 2, 25],
    ['Виктор', 3, 30], ['Василий', 6, 8], ['Леонид', 4, 6], ['Григорий', 4, 4], ['Пётр', 3, 5],
    ['Эмиль', 4, 0.2], ['Елисей', 6, 0.1], ['Давид', 8, 0.5], ['Руслан', 5, 12], ['Станислав', 3, 12],
    ['Артур', 6, 4], ['Виталий', 1, 18], ['Герман', 4, 1], ['Ростислав', 3, 1], ['Валерий', 0.5, 15],
    ['Анатолий', 0.3, 15], ['Геннадий', 0.2, 12], ['Аркадий', 0.2, 3], ['Борис', 1, 6], ['Эдуард', 0.5, 6],
    ['Валентин', 1, 4], ['Яков', 2, 1], ['Савва', 3, 0.1], ['Кузьма', 1, 0.1], ['Фома', 0.5, 0.05],
    ['Лука', 2, 0.1], ['Тихон', 5, 0.2], ['Ефим', 2, 0.5], ['Филипп', 6, 1],
]);
exports.FEMALE_NAMES = table([
    ['Анастасия', 60, 20], ['Мария', 55, 15], ['Анна', 45, 30], ['Дарья', 40, 10], ['Виктория', 40, 12],
    ['Полина', 38, 5], ['Елизавета', 35, 2], ['Екатерина', 30, 35], ['Софья', 45, 1], ['Александра', 25, 8],
    ['Ксения', 25, 12], ['Варвара', 25, 1], ['Алиса', 25, 0.5], ['Валерия', 20, 4], ['Вероника', 20, 4],
    ['Арина', 20, 1], ['Милана', 15, 0.2], ['Ульяна', 15, 1], ['Кира', 12, 1], ['Ева', 15, 0.5],
    ['Василиса', 12, 0.2], ['Алёна', 10, 10], ['Юлия', 8, 40], ['Маргарита', 10, 5], ['Таисия', 8, 0.5],
    ['Злата', 8, 0.1], ['Есения', 6, 0.1], ['Мирослава', 6, 0.1], ['Диана', 10, 5], ['Яна', 6, 6],
    ['Ольга', 3, 50], ['Татьяна', 2, 50], ['Ирина', 3, 45], ['Елена', 3, 60], ['Кристина', 5, 12],
    ['Алина', 12, 10], ['Карина', 5, 6], ['Ангелина', 10, 3], ['Олеся', 1, 10], ['Надежда', 1, 25],
    ['Любовь', 0.5, 15], ['Вера', 4, 8], ['Евгения', 3, 15], ['Агата', 5, 0.1], ['Амелия', 4, 0],
    ['Эвелина', 5, 1], ['Стефания', 5, 0.2], ['Ника', 3, 0.1], ['Майя', 6, 1], ['Светлана', 0.5, 45],
    ['Наталья', 1, 55], ['Марина', 1, 35], ['Людмила', 0.2, 25], ['Галина', 0.1, 25], ['Валентина', 0.3, 15],
    ['Лариса', 0.1, 15], ['Нина', 0.5, 10], ['Тамара', 0.2, 8], ['Алла', 0.1, 8], ['Инна', 0.1, 8],
    ['Жанна', 0.1, 5], ['Лидия', 1, 6], ['Оксана', 0.2, 25], ['Антонина', 0.2, 5], ['Зоя', 0.5, 3],
    ['Раиса', 0.1, 4], ['Снежана', 0.5, 2], ['Лилия', 2, 4], ['Эльвира', 0.3, 3], ['Серафима', 6, 0.1],
    ['Ярослава', 5, 0.1], ['Владислава', 3, 0.5], ['Эмилия', 4, 0.1], ['Милена', 4, 0.2],
]);
/** Names whose patronymic is irregular (fleeting vowel, stress on the ending, -ил → -йл …). */
const PATRONYMIC_EXCEPTIONS = {
    Илья: { male: 'Ильич', female: 'Ильинична' },
    Лев: { male: 'Львович', female: 'Львовна' },
    Павел: { male: 'Павлович', female: 'Павловна' },
    Пётр: { male: 'Петрович', female: 'Петровна' },
    Петр: { male: 'Петрович', female: 'Петровна' },
    Михаил: { male: 'Михайлович', female: 'Михайловна' },
    Гавриил: { male: 'Гаврилович', female: 'Гавриловна' },
    Яков: { male: 'Яковлевич', female: 'Яковлевна' },
    // -а with the stress on the ending: -ич / -инична
    Фома: { male: 'Фомич', female: 'Фоминична' },
    Кузьма: { male: 'Кузьмич', female: 'Кузьминична' },
    Лука: { male: 'Лукич', female: 'Лукинична' },
    // -а forms of names that also exist without it
    Данила: { male: 'Данилович', female: 'Даниловна' },
    Гаврила: { male: 'Гаврилович', female: 'Гавриловна' },
};
const VOWELS = 'аеёиоуыэюя';
const isConsonant = (ch) => ch !== undefined && /[а-яё]/.test(ch) && !VOWELS.includes(ch) && ch !== 'ь' && ch !== 'ъ' && ch !== 'й';
/** Отчество derived from the father's first name, by the rules of Russian grammar. */
function patronymicForms(fatherName) {
    const exception = PATRONYMIC_EXCEPTIONS[fatherName];
    if (exception)
        return { ...exception };
    const n = fatherName;
    const both = (stem, m, f) => ({ male: stem + m, female: stem + f });
    if (n.endsWith('ий')) {
        // Дмитрий → Дмитриевич (two consonants before -ий), Юрий → Юрьевич (one consonant).
        const stem = n.slice(0, -2);
        const twoConsonants = isConsonant(stem.at(-1)) && isConsonant(stem.at(-2));
        return twoConsonants ? both(stem, 'иевич', 'иевна') : both(stem, 'ьевич', 'ьевна');
    }
    if (n.endsWith('ей') || n.endsWith('ай'))
        return both(n.slice(0, -1), 'евич', 'евна'); // Сергей, Николай
    if (n.endsWith('ь'))
        return both(n.slice(0, -1), 'евич', 'евна'); // Игорь → Игоревич
    if (n.endsWith('а') && isConsonant(n.at(-2)))
        return both(n.slice(0, -1), 'ич', 'ична'); // Никита, Савва
    if (/[жшчщц]$/.test(n))
        return both(n, 'евич', 'евна');
    if (isConsonant(n.at(-1)))
        return both(n, 'ович', 'овна'); // Иван → Иванович
    throw new RangeError(`no rule for the patronymic from «${fatherName}»`);
}
function patronymic(fatherName, gender) {
    const forms = patronymicForms(fatherName);
    return gender === 'male' ? forms.male : forms.female;
}
// ---------------------------------------------------------------------------------------------
// Collation and picking
// ---------------------------------------------------------------------------------------------
const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';
const ORDER = new Map([...ALPHABET].map((ch, i) => [ch, i]));
/** Russian alphabetical order (ё after е), independent of ICU and the process locale. */
function compareRussian(a, b) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    const len = Math.min(x.length, y.length);
    for (let i = 0; i < len; i++) {
        const cx = x[i];
        const cy = y[i];
        if (cx === cy)
            continue;
        const ox = ORDER.get(cx) ?? 100 + cx.charCodeAt(0);
        const oy = ORDER.get(cy) ?? 100 + cy.charCodeAt(0);
        return ox - oy;
    }
    return x.length - y.length;
}
/** Draws surnames, first names and fathers' names with the frequencies above. */
class RussianNamePicker {
    constructor(rng) {
        this.rng = rng;
        this.surnames = new random_1.WeightedTable(exports.SURNAMES, (s) => s.weight);
        this.first = {
            male: {
                child: new random_1.WeightedTable(exports.MALE_NAMES, (n) => n.child),
                adult: new random_1.WeightedTable(exports.MALE_NAMES, (n) => n.adult),
            },
            female: {
                child: new random_1.WeightedTable(exports.FEMALE_NAMES, (n) => n.child),
                adult: new random_1.WeightedTable(exports.FEMALE_NAMES, (n) => n.adult),
            },
        };
    }
    surname() {
        return this.surnames.pick(this.rng);
    }
    firstName(gender, generation) {
        return this.first[gender][generation].pick(this.rng).name;
    }
    /** A father's first name: fathers are adults whichever the generation of the child. */
    fatherName() {
        return this.first.male.adult.pick(this.rng).name;
    }
    person(gender, generation, family) {
        const surname = family?.surname ?? this.surname();
        const father = family?.fatherName ?? this.fatherName();
        return { surname: surnameFor(surname, gender), name: this.firstName(gender, generation), patronymic: patronymic(father, gender) };
    }
}
exports.RussianNamePicker = RussianNamePicker;
//# sourceMappingURL=russian-names.js.map