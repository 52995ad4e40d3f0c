<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-dracor.xsl: a tei-meeting TEI record -> DraCor-style TEI, for network and speech analysis
  with the DraCor tools (XSLT 1.0). Valid against TEI P5 tei_all.

  DraCor's customisation (dracor-org/dracor-schema, dracor.odd) allows a small set of elements
  and removes most attributes; this stylesheet writes only elements of that set, and avoids what
  DraCor has deprecated or retired: no standOff (events go in sourceDesc/listEvent), no
  title[@type=main] in the titleStmt, a two-letter xml:lang, digitalSource and originalSource
  as sibling bibls (not nested), the digital source as ref[@target] (not name + idno), authority
  ids as person/idno (not @ana), no xml:id on sp or speaker.

    titleStmt/title           the record's title
    sourceDesc                bibl[@type=digitalSource]/ref (the archive's URL);
                              bibl[@type=originalSource] (the citation, as text);
                              listEvent/event[@type=written][@when=year] with the date as written
    particDesc/listPerson     person[@xml:id]/persName (and idno when the personography gave one)
    participants block        front/castList: head, castGroup per side, castItem per person
                              (castItem/@corresp points to the person; the role as roleDesc)
    body                      one div[@type=scene]; the opener's datelines and subject first, then
                              sp[@who] with speaker, p and stage (with @type), quote for a quotation
    numbered points           one p per point, the label as written ("1) ...")
    supplied, sic, gap, ...   the canonical text's marks ([words], words [sic], [ILLEGIBLE]):
                              DraCor's schema has none of these elements
    footnotes                 note at the reference point

  Not written (the transcript does not say; nothing is invented): the DraCor play id
  (TEI/@xml:id), publicationStmt publisher/idno/licence, person/@sex, Wikidata ids.

  Run it without tei-meeting:  xsltproc -o record.dracor.xml tei-to-dracor.xsl record.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="tei:TEI tei:teiHeader tei:fileDesc tei:titleStmt tei:sourceDesc tei:profileDesc
      tei:particDesc tei:listPerson tei:person tei:text tei:body tei:div tei:opener tei:sp tei:list tei:argument
      tei:quote tei:divGen"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="source" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>

  <xsl:template match="/tei:TEI">
    <TEI>
      <xsl:if test="tei:text/@xml:lang">
        <xsl:attribute name="xml:lang"><xsl:value-of select="tei:text/@xml:lang"/></xsl:attribute>
      </xsl:if>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])"/></title>
          </titleStmt>
          <publicationStmt>
            <xsl:choose>
              <xsl:when test="$header/tei:fileDesc/tei:publicationStmt/tei:p">
                <xsl:for-each select="$header/tei:fileDesc/tei:publicationStmt/tei:p">
                  <p><xsl:value-of select="normalize-space(.)"/></p>
                </xsl:for-each>
              </xsl:when>
              <xsl:otherwise>
                <p>Converted from a tei-meeting TEI record.</p>
              </xsl:otherwise>
            </xsl:choose>
          </publicationStmt>
          <sourceDesc>
            <xsl:call-template name="sources"/>
          </sourceDesc>
        </fileDesc>
        <xsl:if test="$header/tei:profileDesc/tei:particDesc//tei:person">
          <profileDesc>
            <particDesc>
              <listPerson>
                <xsl:for-each select="$header/tei:profileDesc/tei:particDesc//tei:person">
                  <person>
                    <xsl:attribute name="xml:id"><xsl:value-of select="@xml:id"/></xsl:attribute>
                    <persName><xsl:value-of select="normalize-space(tei:persName[1])"/></persName>
                    <xsl:for-each select="tei:idno">
                      <idno type="{translate(@type, $upper, $lower)}"><xsl:value-of select="normalize-space(.)"/></idno>
                    </xsl:for-each>
                  </person>
                </xsl:for-each>
              </listPerson>
            </particDesc>
          </profileDesc>
        </xsl:if>
      </teiHeader>
      <text>
        <xsl:if test=".//tei:body//tei:list[@type='participants']">
          <front>
            <xsl:apply-templates select=".//tei:body//tei:list[@type='participants']" mode="cast"/>
          </front>
        </xsl:if>
        <body>
          <xsl:for-each select="tei:text/tei:body/tei:div">
            <div type="scene">
              <!-- The record's heading lines first: DraCor (and TEI) put them at the top of a div. -->
              <xsl:apply-templates select="tei:opener" mode="top"/>
              <xsl:apply-templates select="*[not(self::tei:opener)]" mode="block"/>
            </div>
          </xsl:for-each>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <xsl:template name="sources">
    <xsl:variable name="citation" select="$source/tei:bibl[@type='citation']"/>
    <xsl:for-each select="$source/tei:ref[@target][1]">
      <bibl type="digitalSource">
        <ref target="{@target}">
          <xsl:choose>
            <xsl:when test="$citation/tei:publisher">
              <xsl:value-of select="normalize-space($citation/tei:publisher)"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </ref>
      </bibl>
    </xsl:for-each>
    <xsl:if test="$citation">
      <bibl type="originalSource"><xsl:value-of select="normalize-space($citation)"/></bibl>
    </xsl:if>
    <xsl:variable name="when" select="($source/tei:date/@when | $header/tei:profileDesc/tei:settingDesc/tei:setting/tei:date/@when)[1]"/>
    <xsl:choose>
      <xsl:when test="not($source/tei:ref[@target]) and not($citation)">
        <!-- TEI: a sourceDesc holds paragraphs or bibliographic elements, not both. -->
        <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:p">
          <p><xsl:value-of select="normalize-space(.)"/></p>
        </xsl:for-each>
        <xsl:if test="not($header/tei:fileDesc/tei:sourceDesc/tei:p)">
          <p>The source is not described.</p>
        </xsl:if>
      </xsl:when>
      <xsl:when test="string-length($when) &gt;= 4 and translate(substring($when, 1, 4), '0123456789', '') = ''">
        <listEvent>
          <event type="written" when="{substring($when, 1, 4)}">
            <label>
              <xsl:choose>
                <xsl:when test="$source/tei:date"><xsl:value-of select="normalize-space($source/tei:date)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$when"/></xsl:otherwise>
              </xsl:choose>
            </label>
          </event>
        </listEvent>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ castList -->
  <xsl:template match="tei:list[@type='participants']" mode="cast">
    <castList>
      <xsl:for-each select="tei:head">
        <head><xsl:apply-templates/></head>
      </xsl:for-each>
      <xsl:for-each select="tei:item[not(tei:list)]">
        <xsl:call-template name="cast-item"/>
      </xsl:for-each>
      <xsl:for-each select="tei:label">
        <xsl:variable name="members" select="following-sibling::tei:item[1]/tei:list/tei:item"/>
        <xsl:if test="$members">
          <castGroup>
            <xsl:if test="normalize-space()">
              <head><xsl:apply-templates/></head>
            </xsl:if>
            <xsl:for-each select="$members">
              <xsl:call-template name="cast-item"/>
            </xsl:for-each>
          </castGroup>
        </xsl:if>
      </xsl:for-each>
    </castList>
  </xsl:template>

  <xsl:template name="cast-item">
    <castItem>
      <xsl:if test="tei:persName[@ref]">
        <xsl:attribute name="corresp"><xsl:value-of select="tei:persName[@ref][1]/@ref"/></xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="tei:persName">
          <role><xsl:apply-templates select="tei:persName[1]"/></role>
          <xsl:for-each select="tei:roleName">
            <roleDesc><xsl:apply-templates/></roleDesc>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </castItem>
  </xsl:template>

  <!-- ============================================================ body -->
  <xsl:template match="tei:opener" mode="top">
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test="self::tei:dateline">
          <dateline><xsl:apply-templates/></dateline>
        </xsl:when>
        <xsl:when test="self::tei:argument">
          <argument>
            <xsl:for-each select="tei:p">
              <p><xsl:apply-templates/></p>
            </xsl:for-each>
          </argument>
        </xsl:when>
        <xsl:otherwise>
          <note><xsl:apply-templates/></note>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:sp" mode="block">
    <sp>
      <xsl:if test="@who">
        <xsl:attribute name="who"><xsl:value-of select="@who"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="tei:speaker">
        <speaker><xsl:apply-templates/></speaker>
      </xsl:for-each>
      <xsl:apply-templates select="*[not(self::tei:speaker)]" mode="block"/>
    </sp>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="block">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:stage" mode="block">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="block">
    <quote>
      <xsl:apply-templates select="*" mode="block"/>
    </quote>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:for-each select="tei:item">
      <p>
        <xsl:if test="preceding-sibling::*[1][self::tei:label]">
          <xsl:value-of select="concat(normalize-space(preceding-sibling::*[1]), ' ')"/>
        </xsl:if>
        <xsl:apply-templates/>
      </p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:div/tei:note" mode="block">
    <note><xsl:apply-templates/></note>
  </xsl:template>

  <!-- In the front matter (castList) already, or a marker of notes that stand at their places. -->
  <xsl:template match="tei:list[@type='participants'] | tei:divGen" mode="block"/>

  <xsl:template match="*" mode="block">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="tei:stage">
    <stage>
      <xsl:copy-of select="@type"/>
      <xsl:apply-templates/>
    </stage>
  </xsl:template>

  <xsl:template match="tei:quote">
    <quote><xsl:apply-templates/></quote>
  </xsl:template>

  <xsl:template match="tei:note[@place='end']">
    <note><xsl:apply-templates/></note>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic">
    <xsl:apply-templates/>
    <xsl:text> [sic]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:choose>
      <xsl:when test="tei:desc">
        <xsl:value-of select="concat('[', tei:desc, ']')"/>
      </xsl:when>
      <xsl:when test="@reason = 'omitted' and @rend = 'ellipsis'">[…]</xsl:when>
      <xsl:when test="@reason = 'omitted' and @rend = 'spaced'">[. . .]</xsl:when>
      <xsl:when test="@reason = 'omitted'">[...]</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('[', translate(@reason, $lower, $upper), ']')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Other elements (q, unclear, names, dates, times): their text. -->
  <xsl:template match="*">
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
