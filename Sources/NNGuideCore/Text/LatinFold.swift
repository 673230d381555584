/// Latin letters without their diacritics, for search (`Fréchet` is found by `frechet`) and for
/// terminals that show ASCII only: our own table, so folding needs no ICU (issue 25). It holds every
/// letter of Latin-1, Latin Extended-A and -B and Latin Extended Additional whose canonical
/// decomposition is an ASCII letter plus combining marks (generated from Unicode's data), and the
/// letters that have no decomposition but a usual ASCII spelling (`ß` ss, `æ` ae, `ø` o, `ł` l).
public enum LatinFold {
    /// Pairs of scalars, the letter then its base, in lines of 48 pairs.
    static let decomposable: [String] = [
        "ÀAÁAÂAÃAÄAÅAÇCÈEÉEÊEËEÌIÍIÎIÏIÑNÒOÓOÔOÕOÖOÙUÚUÛUÜUÝYàaáaâaãaäaåaçcèeéeêeëeìiíiîiïiñnòoóoôoõoöoùu",
        "úuûuüuýyÿyĀAāaĂAăaĄAąaĆCćcĈCĉcĊCċcČCčcĎDďdĒEēeĔEĕeĖEėeĘEęeĚEěeĜGĝgĞGğgĠGġgĢGģgĤHĥhĨIĩiĪIīiĬIĭiĮI",
        "įiİIĴJĵjĶKķkĹLĺlĻLļlĽLľlŃNńnŅNņnŇNňnŌOōoŎOŏoŐOőoŔRŕrŖRŗrŘRřrŚSśsŜSŝsŞSşsŠSšsŢTţtŤTťtŨUũuŪUūuŬUŭu",
        "ŮUůuŰUűuŲUųuŴWŵwŶYŷyŸYŹZźzŻZżzŽZžzƠOơoƯUưuǍAǎaǏIǐiǑOǒoǓUǔuǕUǖuǗUǘuǙUǚuǛUǜuǞAǟaǠAǡaǦGǧgǨKǩkǪOǫoǬO",
        "ǭoǰjǴGǵgǸNǹnǺAǻaȀAȁaȂAȃaȄEȅeȆEȇeȈIȉiȊIȋiȌOȍoȎOȏoȐRȑrȒRȓrȔUȕuȖUȗuȘSșsȚTțtȞHȟhȦAȧaȨEȩeȪOȫoȬOȭoȮOȯo",
        "ȰOȱoȲYȳyḀAḁaḂBḃbḄBḅbḆBḇbḈCḉcḊDḋdḌDḍdḎDḏdḐDḑdḒDḓdḔEḕeḖEḗeḘEḙeḚEḛeḜEḝeḞFḟfḠGḡgḢHḣhḤHḥhḦHḧhḨHḩhḪHḫh",
        "ḬIḭiḮIḯiḰKḱkḲKḳkḴKḵkḶLḷlḸLḹlḺLḻlḼLḽlḾMḿmṀMṁmṂMṃmṄNṅnṆNṇnṈNṉnṊNṋnṌOṍoṎOṏoṐOṑoṒOṓoṔPṕpṖPṗpṘRṙrṚRṛr",
        "ṜRṝrṞRṟrṠSṡsṢSṣsṤSṥsṦSṧsṨSṩsṪTṫtṬTṭtṮTṯtṰTṱtṲUṳuṴUṵuṶUṷuṸUṹuṺUṻuṼVṽvṾVṿvẀWẁwẂWẃwẄWẅwẆWẇwẈWẉwẊXẋx",
        "ẌXẍxẎYẏyẐZẑzẒZẓzẔZẕzẖhẗtẘwẙyẠAạaẢAảaẤAấaẦAầaẨAẩaẪAẫaẬAậaẮAắaẰAằaẲAẳaẴAẵaẶAặaẸEẹeẺEẻeẼEẽeẾEếeỀEềe",
        "ỂEểeỄEễeỆEệeỈIỉiỊIịiỌOọoỎOỏoỐOốoỒOồoỔOổoỖOỗoỘOộoỚOớoỜOờoỞOởoỠOỡoỢOợoỤUụuỦUủuỨUứuỪUừuỬUửuỮUữuỰUựu",
        "ỲYỳyỴYỵyỶYỷyỸYỹy",
    ]
    static let spelled: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
        "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "Ng",
        "ĸ": "q", "ŀ": "l", "Ŀ": "L", "ŉ": "n", "ſ": "s", "ẛ": "s", "ƒ": "f", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl",
    ]

    static let table: [Unicode.Scalar: String] = {
        var t = spelled
        for line in decomposable {
            var scalars = line.unicodeScalars.makeIterator()
            while let letter = scalars.next(), let base = scalars.next() { t[letter] = String(base) }
        }
        return t
    }()

    /// The ASCII spelling of a Latin letter with diacritics (or a ligature); nil for anything else.
    public static func base(_ scalar: Unicode.Scalar) -> String? {
        scalar.value < 0x80 ? nil : table[scalar]
    }

    /// A combining diacritical mark (U+0300-U+036F): what a decomposed `é` carries after its `e`.
    public static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool { (0x300...0x36F).contains(scalar.value) }

    /// Search's folding: every letter the table knows replaced by its base, combining marks dropped,
    /// full-width ASCII (U+FF01-U+FF5E) as ASCII, then lower case; other characters are kept.
    public static func searchFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if let b = base(scalar) { out.append(contentsOf: b.unicodeScalars) }
            else if isCombiningMark(scalar) { continue }
            else if (0xFF01...0xFF5E).contains(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) { out.append(narrow) }
            else { out.append(scalar) }
        }
        return String(out).lowercased()
    }
}
