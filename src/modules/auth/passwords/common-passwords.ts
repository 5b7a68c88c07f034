/**
 * Passwords too common to allow: the most frequent ones of public leak statistics (international and RuNet),
 * keyboard walks on both the Latin and the Russian layout, Russian words typed on either layout, and the obvious
 * school ones. Compared case-insensitively (entries are lower case). Entries shorter than the minimum length are
 * refused by the length rule anyway; they stay so that the list reads as the whole picture.
 */
const LIST = `
123456 123456789 12345678 1234567890 12345 1234567 123123 111111 000000 654321 666666 121212 112233 123321
654321 7777777 777777 1111111 11111111 00000000 88888888 99999999 12341234 11223344 123654789 147258369 159753
1234554321 123qwe 123qweasd 123qweasdzxc 1234qwer 12345qwert 123456q 123456a 123456aa 1234567a 12345678a
123456789a 123456789q 12345678q 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qaz2wsx 1qaz2wsx3edc
1qazxsw2 2wsx3edc q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 q1w2e3 zaq12wsx zaq1xsw2 zaq1zaq1 xsw2zaq1 1q1q1q1q
qwerty qwerty1 qwerty12 qwerty123 qwerty1234 qwerty12345 qwertyu qwertyui qwertyuiop qwertyuiop[] qwer1234
qwerasdf qwerasdfzxcv asdfgh asdfghjk asdfghjkl asdf1234 asdfasdf zxcvbn zxcvbnm zxcvbnm1 zxcvbnm123 qazwsx
qazwsxedc qazwsxedcrfv qweasd qweasdzxc qweqweqwe qwe123 qwe123qwe asd123 zxc123 1qaz1qaz !qaz2wsx qwertz
azerty abc123 abcd1234 abcdef abcdefg abcdefgh abc12345 a1b2c3d4 aaaaaaaa aaaaaa 1a2b3c4d password password1
password12 password123 password1234 passw0rd p@ssw0rd p@ssword pa$$word pass1234 passport pass123 mypassword
letmein letmein1 welcome welcome1 welcome123 iloveyou iloveyou1 iloveu trustno1 admin admin123 admin1234
administrator root toor master master123 login login123 user user1234 guest guest123 test test1234 test12345
testtest changeme secret secret123 default 11111 sunshine princess dragon football baseball monkey shadow
superman batman michael jennifer jordan hunter ranger harley thomas charlie daniel killer soccer hockey
freedom starwars whatever computer internet samsung nokia iphone google yandex mailru vkontakte facebook
youtube minecraft pokemon naruto matrix mustang ferrari porsche mercedes bmw lovely loveme lovelove
flower cookie chocolate butterfly pepper ginger summer winter autumn spring sunshine1 12qwaszx 1234qwerty
qwerty7 q12345 q123456 q1234567 qq123456 qwaszx 147258 147852369 789456123 741852963 963852741 159357
159357456 357159 258456 456123 789456 987654321 9876543210 87654321 76543210 31415926 3141592653 19841984
19851985 19861986 19871987 19881988 19891989 19901990 19911991 19921992 19931993 19941994 19951995 20002000
20102010 20202020 20212021 20222022 20232023 20242024 20252025 20262026 01012000 01011990 12121212 13131313
10203040 11112222 12344321 12332112 7654321 5555555 55555555 22222222 33333333 44444444 66666666 696969
superstar sweetheart spiderman ironman avengers marvel westside slipknot metallica nirvana rammstein
klaster kolobok cherry angel angels babygirl blessed jesus1 christ friends family family1 forever
natasha natalia natali marina tatiana tanya svetlana sveta olga olechka irina elena lena masha mariya maria
anastasia nastya nastenka ekaterina katya katerina kristina alina anna anya julia yulia ksenia oksana
vika viktoria dasha daria polina sofia alexandr aleksandr alexander alexey aleksey andrey andrei dmitry
dmitriy sergey sergei vladimir ivan ivanov petrov sidorov nikolay maxim artem denis roman pavel mikhail
kirill egor ilya vova vladik sasha misha dima serega zenit spartak cska dinamo lokomotiv rossiya russia
moscow moskva piter sankt kazan siberia sibir krasnoyarsk novosibirsk vladivostok ekaterinburg chelyabinsk
school school1 school123 shkola shkola1 shkola123 uchitel uchenik klass dnevnik zhurnal journal diary
student student1 teacher teacher1 direktor director
gfhjkm gfhjkm123 ghbdtn ghbdtnbr kjdtyjr rjirf cjkysirj yfnfif vfhbyf dfcbkbq ybrbnf hjccbz vjcrdf
kbk.,jdm ckjdj ntktajy ntcnbhjdfybt ifhbr
йцукен йцукенг йцукенгш йцукенгшщ йцукенгшщз йцукенгшщзхъ фывапр фывапро фывапрол фывапролд фывапролдж
фывапролджэ ячсмит ячсмить ячсмитьбю йфяцычувс йфяцычувскамепинртгоьшлбщдюзжхэъ
пароль пароль1 пароль12 пароль123 пароль1234 пароль12345 мойпароль новыйпароль парольпароль пароль2026
привет привет1 привет123 приветик любовь любовь1 люблю люблютебя солнышко солнце зайка зайчик котик
котенок кошка собака рыбка ласточка малыш малышка счастье свобода родина россия москва питер
наташа наталья марина татьяна таня светлана света ольга ирина елена лена маша мария анастасия настя
екатерина катя кристина алина анна аня юлия ксения оксана виктория вика даша дарья полина софия
александр саша алексей андрей дмитрий дима сергей владимир вова иван максим артем денис роман павел
михаил миша кирилл егор илья никита
школа школа1 школа123 учитель ученик ученица класс дневник журнал электронныйжурнал директор
qwerty123456 qwertyqwerty 1qaz@wsx qazxswedc poiuytrewq mnbvcxz lkjhgfdsa 0987654321 098765 0123456789
01234567 012345678 asdzxc asdqwe zxcasdqwe 1234abcd 1234asdf 1q2w3e4r5 aa123456 a123456 a12345678 qwe12345
zxcvb123 q1q1q1 z1x2c3v4 a1s2d3f4 1z2x3c4v 12345z 12345q 12345a 123abc abc123456 passwd passwort
motdepasse contrasena senha
`;

/** The blocklist, lower case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  LIST.split(/\s+/)
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p.length > 0),
);
