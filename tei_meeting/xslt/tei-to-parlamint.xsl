<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-parlamint.xsl: a tei-meeting TEI record -> ParlaMint / Parla-CLARIN style TEI (XSLT 1.0).

  The body follows the content model of ParlaMint's schema for a component file
  (clarin-eric/ParlaMint, Schema/ParlaMint-TEI.rnc): div[@type=debateSection] holding u, note,
  gap, kinesic, vocal and incident; u holding seg (and the same transcriber comments); seg
  holding only text and comments. The output is valid against TEI P5 tei_all.

    sp[@who]            u[@who][@xml:id] (the sp's id), preceded by note[@type=speaker] with the
                        label as written ("Stalin:"), as ParlaMint does
    p, list item        seg; a list item keeps its label as written ("1) ..."); a quotation's
                        paragraphs are segs of the u that reads them (quotation marks are in the text)
    stage direction     kinesic, vocal or incident, typed where the words are clear (ParlaMint's
                        closed vocabularies): laugh -> vocal laughter; applause -> kinesic
                        applause; smile -> kinesic smiling; nod, point, shake hands, gesture ->
                        kinesic gesture; enter, arrive -> incident entering; leave, exit ->
                        incident leaving; pause, silence -> incident pause; break, recess ->
                        incident break; interrupt, crosstalk -> vocal interruption; noise ->
                        vocal noise; shows, gives, hands, passes, takes, reads, writes, signs,
                        sits, stands -> incident action; anything else: incident, untyped.
                        The words go to desc, without the transcript's brackets or asterisks.
                        @who is set when exactly one participant's name occurs in the words.
    gap                 gap with ParlaMint's reasons: inaudible -> inaudible; omitted, illegible
                        and anything else -> editorial; desc gives the transcript's mark
    supplied, sic       text, as the canonical text writes them ([words], words [sic]): ParlaMint's
                        seg holds no editorial elements
    note (footnote)     note[@type=footnote] at its reference point, with its text
    opener, participants block, narrative paragraphs, stamps
                        note[@type=dateline|argument|participants|narrative|classification|...],
                        one per line, before the speeches
    teiHeader           the record's own header, copied, with extent/measure[@unit=speeches]

  Not done (the transcript does not say; nothing is invented): u/@ana (chair or regular
  speaker), the corpus taxonomies and the ParlaMint publicationStmt (licence, idno).

  Run it without tei-meeting:  xsltproc -o record.parlamint.xml tei-to-parlamint.xsl record.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="tei:TEI tei:teiHeader tei:fileDesc tei:titleStmt tei:publicationStmt tei:notesStmt
      tei:sourceDesc tei:msDesc tei:msIdentifier tei:encodingDesc tei:appInfo tei:application tei:editorialDecl
      tei:correction tei:normalization tei:quotation tei:hyphenation tei:segmentation tei:interpretation
      tei:profileDesc tei:abstract tei:langUsage tei:particDesc tei:listPerson tei:person tei:settingDesc
      tei:setting tei:text tei:body tei:div tei:opener tei:sp tei:list tei:argument tei:textClass tei:keywords
      tei:divGen tei:quote"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="persons" select="/tei:TEI/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person"/>

  <xsl:template match="/tei:TEI">
    <TEI>
      <xsl:copy-of select="@*"/>
      <xsl:if test="not(@xml:lang) and tei:text/@xml:lang">
        <xsl:attribute name="xml:lang"><xsl:value-of select="tei:text/@xml:lang"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="tei:teiHeader"/>
      <text>
        <xsl:copy-of select="tei:text/@xml:lang"/>
        <body>
          <xsl:apply-templates select="tei:text/tei:body/tei:div"/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <!-- ============================================================ header: copied, with the extent -->
  <xsl:template match="tei:teiHeader | tei:teiHeader//*">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:fileDesc/tei:titleStmt">
    <titleStmt>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates/>
    </titleStmt>
    <extent>
      <measure unit="speeches" quantity="{count(/tei:TEI/tei:text//tei:sp)}">
        <xsl:value-of select="count(/tei:TEI/tei:text//tei:sp)"/>
        <xsl:text> speeches</xsl:text>
      </measure>
    </extent>
  </xsl:template>

  <xsl:template match="tei:fileDesc/tei:titleStmt/tei:title[1]">
    <title type="main">
      <xsl:copy-of select="@*[local-name() != 'type']"/>
      <xsl:apply-templates/>
    </title>
  </xsl:template>

  <!-- ============================================================ body -->
  <xsl:template match="tei:div">
    <div>
      <xsl:attribute name="type">
        <xsl:choose>
          <xsl:when test=".//tei:sp">debateSection</xsl:when>
          <xsl:otherwise>commentSection</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:apply-templates select="*" mode="div"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:sp" mode="div">
    <xsl:if test="tei:speaker">
      <note type="speaker"><xsl:value-of select="normalize-space(tei:speaker)"/></note>
    </xsl:if>
    <u>
      <xsl:if test="@who">
        <xsl:attribute name="who"><xsl:value-of select="@who"/></xsl:attribute>
      </xsl:if>
      <xsl:copy-of select="@xml:id"/>
      <xsl:apply-templates select="*[not(self::tei:speaker)]" mode="u"/>
      <xsl:if test="not(*[not(self::tei:speaker)])">
        <seg/>
      </xsl:if>
    </u>
  </xsl:template>

  <!-- Opener lines, participants blocks, narrative paragraphs, stamps: notes, one per line. -->
  <xsl:template match="tei:opener" mode="div">
    <xsl:apply-templates select="*" mode="div"/>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:argument | tei:div/tei:p | tei:div/tei:ab" mode="div">
    <xsl:call-template name="comment-note">
      <xsl:with-param name="type">
        <xsl:choose>
          <xsl:when test="self::tei:p or self::tei:ab">narrative</xsl:when>
          <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener/tei:note | tei:div/tei:note" mode="div">
    <xsl:call-template name="comment-note">
      <xsl:with-param name="type">
        <xsl:choose>
          <xsl:when test="@type"><xsl:value-of select="@type"/></xsl:when>
          <xsl:otherwise>editorial</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list[@type='participants']" mode="div">
    <xsl:for-each select="tei:head | tei:label[normalize-space()] | tei:item[not(tei:list)] | tei:item/tei:list/tei:item">
      <xsl:call-template name="comment-note">
        <xsl:with-param name="type" select="'participants'"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:divGen" mode="div"/>

  <xsl:template match="tei:stage" mode="div">
    <xsl:call-template name="incident"/>
  </xsl:template>

  <xsl:template match="*" mode="div">
    <xsl:call-template name="comment-note">
      <xsl:with-param name="type" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="comment-note">
    <xsl:param name="type"/>
    <xsl:variable name="words">
      <xsl:apply-templates mode="plain"/>
    </xsl:variable>
    <xsl:if test="normalize-space($words)">
      <note type="{$type}"><xsl:value-of select="normalize-space($words)"/></note>
    </xsl:if>
  </xsl:template>

  <!-- Inside an utterance: paragraphs and items are segs; stage directions are incidents. -->
  <xsl:template match="tei:p | tei:ab" mode="u">
    <xsl:call-template name="seg">
      <xsl:with-param name="nodes" select="node()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage" mode="u">
    <xsl:call-template name="incident"/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="u">
    <xsl:apply-templates select="*" mode="u"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="u">
    <xsl:for-each select="tei:item">
      <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
      <xsl:call-template name="seg">
        <xsl:with-param name="nodes" select="node()"/>
        <xsl:with-param name="label" select="normalize-space($label)"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="u">
    <xsl:call-template name="seg">
      <xsl:with-param name="nodes" select="node()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A seg: text, with gaps, notes and stage directions as ParlaMint's comment elements. A
       paragraph that is a stage direction and nothing else gives the incident alone. -->
  <xsl:template name="seg">
    <xsl:param name="nodes"/>
    <xsl:param name="label" select="''"/>
    <xsl:choose>
      <xsl:when test="$label = '' and count($nodes[self::* or normalize-space()]) = 1 and $nodes[self::tei:stage]">
        <xsl:apply-templates select="$nodes[self::tei:stage]" mode="u"/>
      </xsl:when>
      <xsl:otherwise>
        <seg>
          <xsl:if test="$label != ''">
            <xsl:value-of select="concat($label, ' ')"/>
          </xsl:if>
          <xsl:apply-templates select="$nodes" mode="seg"/>
        </seg>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="seg">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="tei:stage" mode="seg">
    <xsl:call-template name="incident"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="seg">
    <gap>
      <xsl:attribute name="reason">
        <xsl:choose>
          <xsl:when test="@reason = 'inaudible'">inaudible</xsl:when>
          <xsl:otherwise>editorial</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <desc><xsl:apply-templates select="." mode="plain"/></desc>
    </gap>
  </xsl:template>

  <xsl:template match="tei:note" mode="seg">
    <note type="footnote">
      <xsl:if test="@n">
        <xsl:attribute name="n"><xsl:value-of select="@n"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </note>
  </xsl:template>

  <!-- Everything else inline (supplied, sic, q, quote, names, dates): its canonical text, with
       the comment elements inside it kept. -->
  <xsl:template match="*" mode="seg">
    <xsl:choose>
      <xsl:when test="self::tei:supplied">
        <xsl:text>[</xsl:text>
        <xsl:apply-templates mode="seg"/>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="self::tei:sic">
        <xsl:apply-templates mode="seg"/>
        <xsl:text> [sic]</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="seg"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A stage direction as kinesic, vocal or incident (ParlaMint's vocabularies). -->
  <xsl:template name="incident">
    <xsl:variable name="written">
      <xsl:apply-templates mode="plain"/>
    </xsl:variable>
    <xsl:variable name="desc">
      <xsl:call-template name="unwrap">
        <xsl:with-param name="text" select="normalize-space($written)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="words" select="concat(' ', translate(translate($desc, $upper, $lower), '().,;:!?*[]&quot;', '                 '), ' ')"/>
    <xsl:variable name="kind">
      <xsl:choose>
        <xsl:when test="contains($words, ' laugh')">vocal laughter</xsl:when>
        <xsl:when test="contains($words, ' applau')">kinesic applause</xsl:when>
        <xsl:when test="contains($words, ' smil')">kinesic smiling</xsl:when>
        <xsl:when test="contains($words, ' nod') or contains($words, ' point') or contains($words, ' shake hands')
            or contains($words, ' shook hands') or contains($words, ' shakes hands') or contains($words, ' gestur')
            or contains($words, ' embrac')">kinesic gesture</xsl:when>
        <xsl:when test="contains($words, ' enter') or contains($words, ' arriv') or contains($words, ' come in')
            or contains($words, ' comes in')">incident entering</xsl:when>
        <xsl:when test="contains($words, ' leave') or contains($words, ' leaves') or contains($words, ' exit')
            or contains($words, ' depart') or contains($words, ' go out') or contains($words, ' goes out')">incident leaving</xsl:when>
        <xsl:when test="contains($words, ' pause') or contains($words, ' silence')">incident pause</xsl:when>
        <xsl:when test="contains($words, ' break ') or contains($words, ' recess')">incident break</xsl:when>
        <xsl:when test="contains($words, ' interrupt') or contains($words, ' crosstalk')">vocal interruption</xsl:when>
        <xsl:when test="contains($words, ' noise')">vocal noise</xsl:when>
        <xsl:when test="contains($words, ' show') or contains($words, ' give') or contains($words, ' hand ')
            or contains($words, ' hands ') or contains($words, ' pass') or contains($words, ' take')
            or contains($words, ' read') or contains($words, ' write') or contains($words, ' sign')
            or contains($words, ' sits') or contains($words, ' sit ') or contains($words, ' stand')">incident action</xsl:when>
        <xsl:otherwise>incident</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="element" select="substring-before(concat($kind, ' '), ' ')"/>
    <xsl:variable name="type" select="substring-after($kind, ' ')"/>
    <xsl:variable name="named" select="$persons[contains($words, concat(' ', translate(normalize-space(tei:persName[1]), $upper, $lower), ' '))]"/>
    <xsl:element name="{$element}">
      <xsl:if test="$type != ''">
        <xsl:attribute name="type"><xsl:value-of select="$type"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="count($named) = 1">
        <xsl:attribute name="who"><xsl:value-of select="concat('#', $named/@xml:id)"/></xsl:attribute>
      </xsl:if>
      <desc><xsl:value-of select="$desc"/></desc>
    </xsl:element>
  </xsl:template>

  <!-- The words of a stage direction without the transcript's (...), [...] or *...* around them. -->
  <xsl:template name="unwrap">
    <xsl:param name="text"/>
    <xsl:variable name="first" select="substring($text, 1, 1)"/>
    <xsl:variable name="stripped">
      <xsl:choose>
        <xsl:when test="substring($text, string-length($text)) = '.' and string-length($text) &gt; 1">
          <xsl:value-of select="substring($text, 1, string-length($text) - 1)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="last" select="substring($stripped, string-length($stripped))"/>
    <xsl:choose>
      <xsl:when test="($first = '(' and $last = ')') or ($first = '[' and $last = ']') or ($first = '*' and $last = '*')">
        <xsl:value-of select="normalize-space(substring($stripped, 2, string-length($stripped) - 2))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Plain text of anything: the canonical text's editorial marks. -->
  <xsl:template match="tei:supplied" mode="plain">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="plain"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:text> [sic]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="plain">
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

  <xsl:template match="tei:note[@place='end']" mode="plain">
    <xsl:value-of select="concat('[', @n, ']')"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:item | tei:label | tei:head" mode="plain">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="plain"/>
    <xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>
