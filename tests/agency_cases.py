"""Labelled agency cells: (cell text, province, [(name, kind), ...]) with one comment each.

The seed is Kế hoạch 196/KH-UBND of Quảng Ngãi (every lead, cooperating,
submit_to cell and recipient line); the rest are realistic cells from other
provinces, ministries and department plans, written by hand.
"""
QN, LD, HN = "Quảng Ngãi", "Lâm Đồng", "Hà Nội"
A, G = "agency", "group"
SKHCN = ("Sở Khoa học và Công nghệ", A)
SBN = ("Các sở, ban, ngành", G)
UBH = ("Ủy ban nhân dân các huyện, thị xã, thành phố", G)
CQDV = ("Các cơ quan, đơn vị có liên quan", G)
UBX = ("Ủy ban nhân dân các xã, phường, đặc khu", G)
PVD = ("Trường Đại học Phạm Văn Đồng", A)
BQL = ("Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi", A)
VPUB_LD = ("Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", A)

CASES = [
    # --- Plan 196 (Quảng Ngãi): lead cells
    ("Sở Khoa học và Công nghệ", QN, [SKHCN]),  # "và" inside a name
    ("Sở khoa học và Công nghệ, Trường Đại học Phạm Văn Đồng", QN, [SKHCN, PVD]),  # wrong capital, two leads
    ("Sở Nông nghiệp và Phát triển nông thôn", QN, [("Sở Nông nghiệp và Phát triển nông thôn", A)]),  # merged 2025
    ("Sở Công Thương", QN, [("Sở Công Thương", A)]),  # plain department
    ("Sở Giáo dục và Đào tạo", QN, [("Sở Giáo dục và Đào tạo", A)]),  # "và" inside a name
    ("Sở Kế hoạch và Đầu tư", QN, [("Sở Kế hoạch và Đầu tư", A)]),  # merged into Sở Tài chính
    ("Sở Ngoại vụ", QN, [("Sở Ngoại vụ", A)]),  # plain department
    ("Sở Nội vụ", QN, [("Sở Nội vụ", A)]),  # plain department
    ("Sở Thông tin và Truyền thông", QN, [("Sở Thông tin và Truyền thông", A)]),  # merged 2025
    ("Trường Đại học Phạm Văn Đồng", QN, [PVD]),  # a provincial university
    # --- Plan 196: cooperating cells
    ("Các sở, ban, ngành và UBND các huyện, thị xã, thành phố", QN, [SBN, UBH]),  # two collectives joined by "và"
    ("Các sở, ban, ngành; các Trường: Đại học Phạm Văn Đồng; Cao đẳng Y tế Đặng Thùy Trâm; Cao đẳng Việt\nNam-Hàn Quốc-Quảng Ngãi; Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi", QN,
     [SBN, PVD, ("Trường Cao đẳng Y tế Đặng Thùy Trâm", A), ("Trường Cao đẳng Việt Nam - Hàn Quốc - Quảng Ngãi", A), BQL]),  # distributive "các Trường:", wrapped line
    ("Các sở, ban, ngành; UBND các huyện, thị xã, thành phố; các cơ quan, đơn vị có liên quan", QN, [SBN, UBH, CQDV]),  # three collectives
    ("Các sở, ban, ngành; UBND các huyện, thị xã,\nthành phố; các cơ quan, đơn vị có liên quan", QN, [SBN, UBH, CQDV]),  # split across a page
    ("Các địa phương, các cơ quan đơn vị có liên quan", QN, [("Các địa phương", G), CQDV]),  # collective without inner comma
    ("Sở Kế hoạch và Đầu tư, BQL KKT Dung Quất và các KCN Quảng Ngãi, các sở, ban, ngành và các địa phương liên quan", QN,
     [("Sở Kế hoạch và Đầu tư", A), BQL, SBN, ("Các địa phương", G)]),  # abbreviations, "và" in a name and between items
    ("Cơ sở giáo dục đại học", QN, [("Cơ sở giáo dục đại học", G)]),  # a collective without "các"
    ("Cơ sở giáo dục đại học, mời các chuyên gia.", QN, [("Cơ sở giáo dục đại học", G), ("Các chuyên gia", G)]),  # invited experts kept
    ("Sở Khoa học và Công nghệ và các đơn vị, địa phương", QN, [SKHCN, ("Các đơn vị, địa phương", G)]),  # "và" twice
    ("Các cơ quan, tổ chức có liên quan", QN, [("Các cơ quan, tổ chức có liên quan", G)]),  # collective
    ("Các sở, ban ngành; UBND các huyện, thị xã, thành phố", QN, [SBN, UBH]),  # "ban ngành" without comma
    ("Các sở, ban, ngành và địa phương liên quan", QN, [SBN, ("Các địa phương", G)]),  # second collective without "các"
    ("Các sở, ban ngành có liên quan trên địa bàn tỉnh", QN, [("Các sở, ban, ngành có liên quan", G)]),  # long collective
    ("", QN, []),  # empty cooperating cell (tasks 22, 24)
    # --- Plan 196: submit_to
    ("UBND tỉnh", QN, [("Ủy ban nhân dân tỉnh Quảng Ngãi", A)]),  # the issuer's province
    # --- Plan 196: recipients
    ("- Bộ Khoa học và Công nghệ (báo cáo);", QN, [("Bộ Khoa học và Công nghệ", A)]),  # note in parentheses
    ("- Thường trực Tỉnh ủy;", QN, [("Thường trực Tỉnh ủy Quảng Ngãi", A)]),  # party standing committee
    ("- Thường trực HĐND tỉnh;", QN, [("Thường trực Hội đồng nhân dân tỉnh Quảng Ngãi", A)]),  # abbreviation
    ("- Đoàn Đại biểu Quốc hội tỉnh;", QN, [("Đoàn Đại biểu Quốc hội tỉnh Quảng Ngãi", A)]),  # NA delegation
    ("- BTT Ủy ban MTTQVN tỉnh;", QN, [("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Ngãi", A)]),  # two abbreviations
    ("- CT, PCT UBND tỉnh;", QN, [("Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi", A), ("Phó Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi", A)]),  # shared body
    ("- Ban Tuyên giáo Tỉnh ủy;", QN, [("Ban Tuyên giáo Tỉnh ủy Quảng Ngãi", A)]),  # party board
    ("- Văn phòng Tỉnh ủy;", QN, [("Văn phòng Tỉnh ủy Quảng Ngãi", A)]),  # party office
    ("- Văn phòng Đoàn ĐBQH & HĐND tỉnh;", QN, [("Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh Quảng Ngãi", A)]),  # "&"
    ("- Các sở, ban, ngành tỉnh;", QN, [SBN]),  # collective with "tỉnh"
    ("- Các tổ chức chính trị - xã hội tỉnh;", QN, [("Các tổ chức chính trị - xã hội", G)]),  # hyphen inside
    ("- Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh;", QN, [("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi", A)]),  # "các" inside a name
    ("- Trường ĐH, CĐ trên địa bàn tỉnh;", QN, [("Các trường đại học, cao đẳng trên địa bàn tỉnh", G)]),  # abbreviated collective
    ("- UBND các huyện, thị xã, thành phố;", QN, [UBH]),  # collective
    ("- VPUB: CVP, PCVP, KTTH, NC, HCQT;", QN, [("Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi", A)]),  # internal units dropped
    ("- Công TTĐT tỉnh;", QN, [("Cổng Thông tin điện tử tỉnh Quảng Ngãi", A)]),  # typo "Công" for "Cổng"
    # --- Lâm Đồng fixtures (2025-2026)
    ("Sở Tư pháp", LD, [("Sở Tư pháp", A)]),  # plain
    ("Sở Tư pháp; UBND các xã, phường, đặc khu", LD, [("Sở Tư pháp", A), UBX]),  # post-2025 commune collective
    ("Sở Tư pháp; các cơ quan, đơn vị, địa phương", LD, [("Sở Tư pháp", A), ("Các cơ quan, đơn vị, địa phương", G)]),  # collective
    ("Các cơ quan, đơn vị, địa phương", LD, [("Các cơ quan, đơn vị, địa phương", G)]),  # collective alone
    ("Các sở, ban, ngành", LD, [SBN]),  # collective alone
    ("Sở Tư pháp; Văn phòng UBND tỉnh", LD, [("Sở Tư pháp", A), VPUB_LD]),  # office of UBND
    ("Văn phòng UBND tỉnh; UBND các xã, phường, đặc khu", LD, [VPUB_LD, UBX]),  # mixed
    ("Các sở, ban, ngành, địa phương", LD, [("Các sở, ban, ngành, địa phương", G)]),  # longer collective
    ("Cơ quan, địa phương có liên quan", LD, [("Các cơ quan, đơn vị, địa phương", G)]),  # collective without "các"
    ("Các sở, ban, ngành, địa phương; Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh", LD,
     [("Các sở, ban, ngành, địa phương", G), ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh Lâm Đồng", A)]),  # commas inside a name
    ("Thanh tra tỉnh", LD, [("Thanh tra tỉnh Lâm Đồng", A)]),  # provincial inspectorate
    ("Sở Nội vụ; Văn phòng UBND tỉnh", LD, [("Sở Nội vụ", A), VPUB_LD]),  # two
    ("Các sở, ban, ngành; UBND các xã, phường, đặc khu", LD, [SBN, UBX]),  # two collectives
    ("UBND các xã, phường, đặc khu", LD, [UBX]),  # collective
    ("Các cơ quan, đơn vị liên quan", LD, [CQDV]),  # without "có"
    ("Sở Tài chính", LD, [("Sở Tài chính", A)]),  # plain
    ("Cơ quan thuế, các đơn vị cấp tỉnh và các địa phương", LD, [("Cơ quan thuế", A), ("Các đơn vị cấp tỉnh", G), ("Các địa phương", G)]),  # generic body + collectives
    ("Sở Tài chính; UBND các  xã, phường, đặc khu", LD, [("Sở Tài chính", A), UBX]),  # double space
    ("Các sở, ban, ngành và địa phương", LD, [SBN, ("Các địa phương", G)]),  # "và" between collectives
    ("Văn phòng UBND tỉnh (Trung tâm Thông tin)", LD, [VPUB_LD]),  # unit in parentheses
    ("Công an tỉnh", LD, [("Công an tỉnh Lâm Đồng", A)]),  # police
    ("Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh", LD, [("Sở Tư pháp", A), VPUB_LD, ("Công an tỉnh Lâm Đồng", A)]),  # commas
    ("Văn phòng UBND tỉnh; Sở Tư pháp; Sở Tài chính; Sở Khoa học và Công nghệ.", LD, [VPUB_LD, ("Sở Tư pháp", A), ("Sở Tài chính", A), SKHCN]),  # final dot
    ("Văn phòng UBND tỉnh; Sở Tài nguyên và Môi trường; UBND các xã, phường, đặc khu", LD, [VPUB_LD, ("Sở Tài nguyên và Môi trường", A), UBX]),  # merged department still written
    ("Lãnh đạo \nSở Văn hóa, Thể thao và Du lịch", LD, [("Sở Văn hóa, Thể thao và Du lịch", A)]),  # leader of; comma inside a name
    ("Lãnh đạo Sở Nông nghiệp và Môi trường", LD, [("Sở Nông nghiệp và Môi trường", A)]),  # new 2025 department
    ("Lãnh đạo \nBan Quản lý các khu công nghiệp", LD, [("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", A)]),  # "các" inside a name
    ("- Chủ tịch, PCT. UBND tỉnh (Đ/c Phúc);", LD, [("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", A), ("Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", A)]),  # note, dotted abbreviation
    ("- Ủy ban MTTQVN tỉnh;", LD, [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng", A)]),  # abbreviation
    ("- Các cơ quan chuyên môn thuộc UBND tỉnh;", LD, [("Các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh", G)]),  # collective
    ("- Ban quản lý các khu công nghiệp;", LD, [("Ban Quản lý các khu công nghiệp tỉnh Lâm Đồng", A)]),  # lowercase "quản lý"
    ("- Các cơ quan Trung ương đóng trên địa bàn tỉnh;", LD, [("Các cơ quan Trung ương đóng trên địa bàn tỉnh", G)]),  # collective
    ("- Các cơ quan Đoàn thể cấp tỉnh;", LD, [("Các tổ chức chính trị - xã hội", G)]),  # collective synonym
    ("- Báo và Phát thanh, Truyền hình Lâm Đồng;", LD, [("Báo và Phát thanh, Truyền hình Lâm Đồng", A)]),  # 2025 merged press body
    ("- Trung tâm Phục vụ hành chính công tỉnh;", LD, [("Trung tâm Phục vụ hành chính công tỉnh Lâm Đồng", A)]),  # service centre
    ("- Chủ tịch, các PCT UBND tỉnh;", LD, [("Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", A), ("Phó Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng", A)]),  # "các PCT"
    ("- Bộ tư lệnh Vùng Cảnh sát biển 3;", LD, [("Bộ Tư lệnh Vùng Cảnh sát biển 3", A)]),  # lowercase "tư lệnh"
    ("- Viện kiểm sát nhân dân tỉnh;", LD, [("Viện kiểm sát nhân dân tỉnh Lâm Đồng", A)]),  # procuracy
    ("- Tòa án nhân dân tỉnh;", LD, [("Tòa án nhân dân tỉnh Lâm Đồng", A)]),  # court
    ("- Chánh, các PCVP UBND tỉnh;", LD, [("Chánh Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", A), ("Phó Chánh Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", A)]),  # shared body
    ("- Văn phòng Tỉnh ủy và các Ban xây dựng Đảng;", LD, [("Văn phòng Tỉnh ủy Lâm Đồng", A), ("Các Ban xây dựng Đảng", G)]),  # "và" then collective
    ("- Các ĐVSNCL thuộc UBND tỉnh;", LD, [("Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh", G)]),  # abbreviation in a collective
    ("- Bộ Nội vụ;", LD, [("Bộ Nội vụ", A)]),  # ministry
    # --- Hà Nội (city): "Thành phố", Thành ủy
    ("Sở Văn hoá và Thể thao", HN, [("Sở Văn hóa và Thể thao", A)]),  # old tone placement
    ("Các Sở, ngành Thành phố, một số Đại sứ quán và tổ chức quốc tế; Hãng phim Tài liệu và khoa học Trung ương, UBND các phường, xã và các đơn vị có liên quan", HN,
     [SBN, ("Các Đại sứ quán, tổ chức quốc tế", G), ("Hãng phim Tài liệu và Khoa học Trung ương", A), UBX, CQDV]),  # long mixed line
    ("Các doanh nghiệp, tổ chức, cá nhân có liên quan", HN, [("Các doanh nghiệp, tổ chức, cá nhân có liên quan", G)]),  # collective
    ("UBND xã Bát Tràng, các nghệ sỹ, nghệ nhân gốm", HN, [("Ủy ban nhân dân xã Bát Tràng", A), ("Các nghệ sỹ, nghệ nhân gốm", G)]),  # commune + people
    ("các Sở, ngành có liên quan", HN, [("Các sở, ban, ngành có liên quan", G)]),  # collective
    ("Công an thành phố Hà Nội", HN, [("Công an thành phố Hà Nội", A)]),  # city police
    ("Ban Tuyên giáo và Dân vận Thành ủy", HN, [("Ban Tuyên giáo và Dân vận Thành ủy Hà Nội", A)]),  # 2025 party board
    ("Thành đoàn Hà Nội", HN, [("Đoàn Thanh niên Cộng sản Hồ Chí Minh thành phố Hà Nội", A)]),  # youth union
    ("UBND Thành phố", HN, [("Ủy ban nhân dân thành phố Hà Nội", A)]),  # "Thành phố" = the city
    ("Bộ Tư lệnh Thủ đô", HN, [("Bộ Tư lệnh Thủ đô Hà Nội", A)]),  # capital command
    ("Sở Du lịch", HN, [("Sở Du lịch", A)]),  # city-only department
    # --- ministries and central bodies
    ("Bộ Kế hoạch và Đầu tư, Bộ Tài chính", None, [("Bộ Kế hoạch và Đầu tư", A), ("Bộ Tài chính", A)]),  # two ministries
    ("Bộ Thông tin và Truyền thông; Bộ Giao thông vận tải", None, [("Bộ Thông tin và Truyền thông", A), ("Bộ Giao thông vận tải", A)]),  # merged 2025
    ("Bộ Tài nguyên và Môi trường, Bộ Nông nghiệp và Phát triển nông thôn", None, [("Bộ Tài nguyên và Môi trường", A), ("Bộ Nông nghiệp và Phát triển nông thôn", A)]),  # merged into one
    ("Bộ Lao động - Thương binh và Xã hội", None, [("Bộ Lao động - Thương binh và Xã hội", A)]),  # hyphen and "và"
    ("Ủy ban Dân tộc", None, [("Ủy ban Dân tộc", A)]),  # renamed ministry-level body
    ("Bộ Văn hóa, Thể thao và Du lịch; Bộ Ngoại giao", None, [("Bộ Văn hóa, Thể thao và Du lịch", A), ("Bộ Ngoại giao", A)]),  # comma inside
    ("Văn phòng Chính phủ, Thanh tra Chính phủ, Ngân hàng Nhà nước Việt Nam", None,
     [("Văn phòng Chính phủ", A), ("Thanh tra Chính phủ", A), ("Ngân hàng Nhà nước Việt Nam", A)]),  # ministry-level bodies
    ("Bộ Chính trị, Ban Bí thư", None, [("Bộ Chính trị", A), ("Ban Bí thư", A)]),  # party
    ("Ban Chấp hành Trung ương", None, [("Ban Chấp hành Trung ương Đảng", A)]),  # variant
    ("Thủ tướng Chính phủ", None, [("Thủ tướng Chính phủ", A)]),  # PM
    ("Quốc hội; Chính phủ", None, [("Quốc hội", A), ("Chính phủ", A)]),  # two
    ("các bộ, ngành Trung ương", None, [("Các bộ, ngành Trung ương", G)]),  # central collective
    ("Ủy ban Trung ương MTTQ Việt Nam và các tổ chức chính trị - xã hội", None,
     [("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", A), ("Các tổ chức chính trị - xã hội", G)]),  # front + collective
    ("Bộ KH&CN", None, [("Bộ Khoa học và Công nghệ", A)]),  # abbreviation
    ("Bộ GD&ĐT, Bộ LĐTB&XH", None, [("Bộ Giáo dục và Đào tạo", A), ("Bộ Lao động - Thương binh và Xã hội", A)]),  # abbreviations
    # --- department plans and other provinces
    ("Sở KH&ĐT", QN, [("Sở Kế hoạch và Đầu tư", A)]),  # abbreviation
    ("Sở NN&PTNT, Sở TN&MT", QN, [("Sở Nông nghiệp và Phát triển nông thôn", A), ("Sở Tài nguyên và Môi trường", A)]),  # abbreviations
    ("Sở TT&TT; Sở GD&ĐT", QN, [("Sở Thông tin và Truyền thông", A), ("Sở Giáo dục và Đào tạo", A)]),  # abbreviations
    ("Sở LĐTB&XH", QN, [("Sở Lao động - Thương binh và Xã hội", A)]),  # abbreviation with "&"
    ("SKHCN", QN, [SKHCN]),  # one-word abbreviation
    ("Sở Giao thông vận tải, Sở Xây dựng", QN, [("Sở Giao thông vận tải", A), ("Sở Xây dựng", A)]),  # merged 2025
    ("các Sở: Tài chính, Nội vụ và Tư pháp", QN, [("Sở Tài chính", A), ("Sở Nội vụ", A), ("Sở Tư pháp", A)]),  # distributive with "và"
    ("Sở Tài chính tỉnh Kon Tum", QN, [("Sở Tài chính", A)]),  # explicit other province
    ("UBND tỉnh Kon Tum; UBND tỉnh Quảng Ngãi", QN, [("Ủy ban nhân dân tỉnh Kon Tum", A), ("Ủy ban nhân dân tỉnh Quảng Ngãi", A)]),  # two provinces
    ("Sở Y tế\nSở Giáo dục và Đào tạo", QN, [("Sở Y tế", A), ("Sở Giáo dục và Đào tạo", A)]),  # one body per line, no separator
    ("- Sở Y tế\n- Sở Giáo dục và Đào tạo", QN, [("Sở Y tế", A), ("Sở Giáo dục và Đào tạo", A)]),  # bulleted lines
    ("Thủ trưởng các sở, ban ngành, đơn vị", QN, [("Thủ trưởng các sở, ban ngành, đơn vị", G)]),  # office-holders collective
    ("Chủ tịch UBND các huyện, thị xã, thành phố", QN, [("Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố", G)]),  # collective of chairs
    ("UBND huyện Bình Sơn", QN, [("Ủy ban nhân dân huyện Bình Sơn", A)]),  # district (before 1 July 2025)
    ("Đài Phát thanh và Truyền hình tỉnh, Báo Quảng Ngãi", QN, [("Đài Phát thanh và Truyền hình Quảng Ngãi", A), ("Báo Quảng Ngãi", A)]),  # press
    ("Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh", QN, [("Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi", A), ("Công an tỉnh Quảng Ngãi", A)]),  # armed forces
    ("Tỉnh Đoàn, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Liên đoàn Lao động tỉnh", QN,
     [("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Quảng Ngãi", A), ("Hội Liên hiệp Phụ nữ tỉnh Quảng Ngãi", A), ("Hội Nông dân tỉnh Quảng Ngãi", A),
      ("Hội Cựu chiến binh tỉnh Quảng Ngãi", A), ("Liên đoàn Lao động tỉnh Quảng Ngãi", A)]),  # mass organisations
    ("Sở Văn hóa, Thể thao và Du lịch; Sở Lao động - Thương binh và Xã hội", QN,
     [("Sở Văn hóa, Thể thao và Du lịch", A), ("Sở Lao động - Thương binh và Xã hội", A)]),  # commas, hyphen and "và" inside names
    ("Ban Dân tộc tỉnh", QN, [("Ban Dân tộc tỉnh Quảng Ngãi", A)]),  # provincial ethnic board
    ("Sở Giáo duc và Đào tao", QN, [("Sở Giáo dục và Đào tạo", A)]),  # typo: fuzzy match
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", QN, [SKHCN]),  # capitals
    ("Trung tâm Khuyến công tỉnh", QN, [("Trung tâm Khuyến công", A)]),  # unknown body: pattern
    ("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh", QN,
     [("Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp", A)]),  # unknown, "và" and "các" inside
    ("Sở Tài chính./.", QN, [("Sở Tài chính", A)]),  # closing "./."
    ("Sở Nội vụ (chủ trì), Sở Tài chính", QN, [("Sở Nội vụ", A), ("Sở Tài chính", A)]),  # note in the middle
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh, các trường đại học, cao đẳng", QN,
     [("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi", A), ("Các trường đại học, cao đẳng trên địa bàn tỉnh", G)]),  # name with "các" + collective
    ("Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi, Sở Công Thương", QN, [BQL, ("Sở Công Thương", A)]),  # name with "và các"
    ("Sở Nông nghiệp và Môi trường, UBND các xã, phường", QN, [("Sở Nông nghiệp và Môi trường", A), UBX]),  # post-2025
    ("Các địa phương", QN, [("Các địa phương", G)]),  # collective alone
    ("các đơn vị, địa phương", QN, [("Các đơn vị, địa phương", G)]),  # lowercase collective
    ("Trường Đại học Phạm Văn Đồng, các cơ sở giáo dục đại học", QN, [PVD, ("Cơ sở giáo dục đại học", G)]),  # collective synonym
]
