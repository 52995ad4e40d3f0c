<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-markdown.xsl: a tei-meeting TEI record -> Markdown (CommonMark, with footnotes in the
  pandoc/GitHub [^n] form) (XSLT 1.0). The same content as the HTML edition:

    # title, then a list of facts (date and time, place, source with its link, archive,
    languages, credits), ## Summary, ## Participants, ## Editorial marks (those used), ## Record.

    turn            <a id="sp12"></a>`12` **Stalin:** first paragraph; further paragraphs follow
                    as paragraphs. The anchor is the sp's xml:id, as in the HTML edition.
    stage           *(Stalin laughs).* in italics: its own paragraph between turns, in place
                    inside a sentence
    supplied        \[words\] (escaped, so that no Markdown reader takes it for a link)
    sic, gap        words \[sic\], \[ILLEGIBLE\], \[...\]: the canonical text's marks
    quote           a block quotation ("> "); its numbered points with their labels as written;
                    a part interrupted by other speakers says where it continues
    notes           [^n] at the reference point, "[^n]: text" where the record lists its notes

  Markdown's own characters in the text (\ ` * _ [ ] < and a # > + - = or "1." at the start of
  a paragraph) are escaped with a backslash, so that the text reads as written.

  Run it without tei-meeting:  xsltproc -o record.md tei-to-markdown.xsl record.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:key name="person" match="tei:person" use="@xml:id"/>
  <xsl:key name="part" match="tei:quote[@xml:id] | tei:list[@xml:id]" use="@xml:id"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="sep" select="'&#10;&#10;'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="special" select="'\`*_[]&lt;'"/>
  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="source" select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
  <xsl:variable name="setting" select="$header/tei:profileDesc/tei:settingDesc/tei:setting"/>

  <xsl:template match="/">
    <xsl:text># </xsl:text>
    <xsl:call-template name="escape">
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])">
            <xsl:value-of select="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
          </xsl:when>
          <xsl:otherwise>Untitled record</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$sep"/>
    <xsl:apply-templates select="$header" mode="facts"/>
    <xsl:value-of select="concat($sep, '## Record')"/>
    <xsl:apply-templates select="/tei:TEI/tei:text/tei:body/*" mode="block"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- ============================================================ header -->
  <xsl:template match="tei:teiHeader" mode="facts">
    <xsl:variable name="dateline" select="(//tei:body//tei:dateline[tei:date or tei:time])[1]"/>
    <xsl:choose>
      <xsl:when test="$dateline">
        <xsl:text>- **Date and time:** </xsl:text>
        <xsl:for-each select="$dateline/tei:date | $dateline/tei:time">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
        <xsl:value-of select="$nl"/>
      </xsl:when>
      <xsl:when test="$source/tei:date">
        <xsl:text>- **Date:** </xsl:text>
        <xsl:apply-templates select="$source/tei:date"/>
        <xsl:value-of select="$nl"/>
      </xsl:when>
      <xsl:when test="$setting/tei:date/@when">
        <xsl:value-of select="concat('- **Date:** ', $setting/tei:date/@when, $nl)"/>
      </xsl:when>
    </xsl:choose>
    <xsl:for-each select="$setting/tei:placeName">
      <xsl:text>- **Place:** </xsl:text>
      <xsl:apply-templates select="."/>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:if test="$source/tei:bibl[@type='citation'] or $source/tei:ref">
      <xsl:text>- **Source:** </xsl:text>
      <xsl:for-each select="$source/tei:bibl[@type='citation']">
        <xsl:call-template name="escape">
          <xsl:with-param name="text" select="normalize-space(.)"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:for-each select="$source/tei:ref[@target]">
        <xsl:value-of select="concat('&lt;', @target, '&gt;')"/>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="not($source)">
      <xsl:text>- **Source:** </xsl:text>
      <xsl:call-template name="escape">
        <xsl:with-param name="text" select="normalize-space(tei:fileDesc/tei:sourceDesc/tei:p[1])"/>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:for-each select="tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier">
      <xsl:text>- **Archive:** </xsl:text>
      <xsl:for-each select="*">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:if test="self::tei:idno">
          <xsl:value-of select="concat(@type, ' ')"/>
        </xsl:if>
        <xsl:call-template name="escape">
          <xsl:with-param name="text" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:for-each select="$source/tei:textLang">
      <xsl:value-of select="concat('- **Original language:** ', normalize-space(.), $nl)"/>
    </xsl:for-each>
    <xsl:for-each select="tei:profileDesc/tei:langUsage/tei:language[1]">
      <xsl:value-of select="concat('- **Language of this text:** ', normalize-space(.), $nl)"/>
    </xsl:for-each>
    <xsl:for-each select="tei:fileDesc/tei:notesStmt/tei:note[@type='credits']">
      <xsl:text>- **Credits:** </xsl:text>
      <xsl:call-template name="escape">
        <xsl:with-param name="text" select="normalize-space(.)"/>
      </xsl:call-template>
      <xsl:value-of select="$nl"/>
    </xsl:for-each>
    <xsl:if test="tei:profileDesc/tei:abstract">
      <xsl:value-of select="concat($nl, '## Summary')"/>
      <xsl:for-each select="tei:profileDesc/tei:abstract/tei:p">
        <xsl:value-of select="$sep"/>
        <xsl:call-template name="escape">
          <xsl:with-param name="text" select="normalize-space(.)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:value-of select="$nl"/>
    </xsl:if>
    <xsl:if test="tei:profileDesc/tei:particDesc//tei:person">
      <xsl:value-of select="concat($nl, '## Participants', $sep)"/>
      <xsl:for-each select="tei:profileDesc/tei:particDesc//tei:person">
        <xsl:text>- **</xsl:text>
        <xsl:call-template name="escape">
          <xsl:with-param name="text" select="normalize-space(tei:persName[1])"/>
        </xsl:call-template>
        <xsl:text>**</xsl:text>
        <xsl:for-each select="tei:occupation | tei:affiliation">
          <xsl:text>, </xsl:text>
          <xsl:call-template name="escape">
            <xsl:with-param name="text" select="normalize-space(.)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:variable name="turns" select="count(//tei:sp[@who = concat('#', current()/@xml:id)])"/>
        <xsl:value-of select="concat(' (', $turns, ' turn')"/>
        <xsl:if test="$turns != 1">s</xsl:if>
        <xsl:value-of select="concat(')', $nl)"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:variable name="text" select="/tei:TEI/tei:text"/>
    <xsl:if test="$text//tei:supplied or $text//tei:sic or $text//tei:gap or $text//tei:stage">
      <xsl:value-of select="concat($nl, '## Editorial marks', $sep)"/>
      <xsl:if test="$text//tei:supplied">
        <xsl:value-of select="concat('- \[words\]: supplied by the transcript', &quot;'&quot;, 's editors (an explanation or expansion, not spoken)', $nl)"/>
      </xsl:if>
      <xsl:if test="$text//tei:sic">
        <xsl:value-of select="concat('- words \[sic\]: so in the original; the editors flagged the words before the mark', $nl)"/>
      </xsl:if>
      <xsl:if test="$text//tei:gap">
        <xsl:value-of select="concat('- \[ILLEGIBLE\], \[...\]: text missing from the transcript, and why', $nl)"/>
      </xsl:if>
      <xsl:if test="$text//tei:stage">
        <xsl:value-of select="concat('- *(in italics)*: a stage direction, what happened in the room; not speech', $nl)"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ blocks -->
  <xsl:template match="tei:div | tei:opener | tei:argument" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:apply-templates select="*" mode="block">
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="tei:head" mode="block">
    <xsl:value-of select="concat($sep, '### ')"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:list[@type='participants']" mode="block">
    <xsl:for-each select="tei:head">
      <xsl:value-of select="concat($sep, '**')"/>
      <xsl:apply-templates/>
      <xsl:text>**</xsl:text>
    </xsl:for-each>
    <xsl:value-of select="$nl"/>
    <xsl:for-each select="tei:label[normalize-space()] | tei:item[not(tei:list)] | tei:item/tei:list/tei:item">
      <xsl:value-of select="$nl"/>
      <xsl:choose>
        <xsl:when test="self::tei:label">
          <xsl:text>- *</xsl:text>
          <xsl:apply-templates/>
          <xsl:text>*</xsl:text>
        </xsl:when>
        <xsl:when test="parent::tei:list/parent::tei:item">
          <xsl:text>    - </xsl:text>
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>- </xsl:text>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:sp" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('sp', count(preceding::tei:sp) + 1)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="number">
      <xsl:call-template name="turn-number"/>
    </xsl:variable>
    <xsl:variable name="speaker">
      <xsl:apply-templates select="tei:speaker/node()"/>
    </xsl:variable>
    <xsl:variable name="label" select="concat('&lt;a id=&quot;', $id, '&quot;&gt;&lt;/a&gt;`', $number, '` **', normalize-space($speaker), '** ')"/>
    <xsl:variable name="blocks" select="*[not(self::tei:speaker)]"/>
    <xsl:if test="not($blocks)">
      <xsl:value-of select="concat($sep, $prefix, $label)"/>
    </xsl:if>
    <xsl:apply-templates select="$blocks[1]" mode="block">
      <xsl:with-param name="prefix" select="concat($prefix, $label)"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="$blocks[position() &gt; 1]" mode="block">
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="turn-number">
    <xsl:variable name="tail" select="substring-after(@xml:id, 'sp')"/>
    <xsl:choose>
      <xsl:when test="$tail != '' and translate($tail, '0123456789', '') = ''">
        <xsl:value-of select="$tail"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:number level="any" count="tei:sp"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph; $prefix is "> " inside a quotation and the turn's label for its first block. -->
  <xsl:template match="tei:p | tei:ab | tei:dateline | tei:div/tei:note | tei:opener/tei:note" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:variable name="content">
      <xsl:apply-templates/>
    </xsl:variable>
    <xsl:value-of select="concat($sep, $prefix)"/>
    <xsl:call-template name="line-start">
      <xsl:with-param name="text" select="string($content)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:value-of select="concat($sep, $prefix)"/>
    <xsl:apply-templates select="."/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="block">
    <xsl:param name="prefix" select="''"/>
    <!-- A turn's label goes before the quotation, as its own line. -->
    <xsl:variable name="quoted" select="'&gt; '"/>
    <xsl:if test="$prefix != '' and $prefix != $quoted">
      <xsl:value-of select="concat($sep, normalize-space($prefix))"/>
    </xsl:if>
    <xsl:if test="@prev">
      <xsl:value-of select="$sep"/>
      <xsl:call-template name="continued">
        <xsl:with-param name="pointer" select="@prev"/>
        <xsl:with-param name="words" select="'continued from'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="*">
      <xsl:if test="position() = 1 and not(../@prev)">
        <xsl:value-of select="$nl"/>
      </xsl:if>
      <xsl:if test="position() &gt; 1 or ../@prev">
        <xsl:value-of select="concat($nl, '&gt;')"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="quoted"/>
    </xsl:for-each>
    <xsl:if test="@next">
      <xsl:value-of select="concat($nl, '&gt;', $nl)"/>
      <xsl:call-template name="continued">
        <xsl:with-param name="pointer" select="@next"/>
        <xsl:with-param name="words" select="'continued in'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Blocks inside a quotation: every line starts with "> ". -->
  <xsl:template match="tei:p | tei:stage | tei:ab" mode="quoted">
    <xsl:variable name="content">
      <xsl:apply-templates select="."/>
    </xsl:variable>
    <xsl:value-of select="concat($nl, '&gt; ')"/>
    <xsl:call-template name="line-start">
      <xsl:with-param name="text" select="string($content)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list" mode="quoted">
    <xsl:for-each select="tei:item">
      <xsl:if test="position() &gt; 1">
        <xsl:value-of select="concat($nl, '&gt;')"/>
      </xsl:if>
      <xsl:value-of select="concat($nl, '&gt; ')"/>
      <xsl:call-template name="item"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="quoted">
    <xsl:value-of select="concat($nl, '&gt; ')"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="continued">
    <xsl:param name="pointer"/>
    <xsl:param name="words"/>
    <xsl:variable name="target" select="key('part', substring($pointer, 2))"/>
    <xsl:variable name="turn" select="$target/ancestor::tei:sp[1]"/>
    <xsl:value-of select="concat('&gt; *(', $words, ' ')"/>
    <xsl:choose>
      <xsl:when test="$turn">
        <xsl:for-each select="$turn">
          <xsl:variable name="n">
            <xsl:call-template name="turn-number"/>
          </xsl:variable>
          <xsl:value-of select="concat('[turn ', $n, '](#', @xml:id, ')')"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>the next part</xsl:otherwise>
    </xsl:choose>
    <xsl:text>)*</xsl:text>
  </xsl:template>

  <!-- Numbered points outside a quotation: one paragraph each, the label as written. -->
  <xsl:template match="tei:list" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:for-each select="tei:item">
      <xsl:value-of select="$sep"/>
      <xsl:if test="position() = 1">
        <xsl:value-of select="$prefix"/>
      </xsl:if>
      <xsl:call-template name="item"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="item">
    <xsl:if test="preceding-sibling::*[1][self::tei:label]">
      <xsl:value-of select="concat(normalize-space(preceding-sibling::*[1]), ' ')"/>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:divGen[@type='notes']" mode="block">
    <xsl:for-each select="tei:head">
      <xsl:value-of select="concat($sep, '### ')"/>
      <xsl:apply-templates/>
    </xsl:for-each>
    <xsl:for-each select="//tei:text//tei:note[@place='end']">
      <xsl:value-of select="concat($sep, '[^', @n, ']: ')"/>
      <xsl:apply-templates/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:value-of select="concat($sep, $prefix)"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="text()">
    <xsl:call-template name="escape">
      <xsl:with-param name="text" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:text>\[</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic">
    <xsl:apply-templates/>
    <xsl:text> \[sic\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:choose>
      <xsl:when test="tei:desc">
        <xsl:text>\[</xsl:text>
        <xsl:call-template name="escape">
          <xsl:with-param name="text" select="string(tei:desc)"/>
        </xsl:call-template>
        <xsl:text>\]</xsl:text>
      </xsl:when>
      <xsl:when test="@reason = 'omitted' and @rend = 'ellipsis'">\[…\]</xsl:when>
      <xsl:when test="@reason = 'omitted' and @rend = 'spaced'">\[. . .\]</xsl:when>
      <xsl:when test="@reason = 'omitted'">\[...\]</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('\[', translate(@reason, $lower, $upper), '\]')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:text>*</xsl:text>
    <xsl:apply-templates/>
    <xsl:text>*</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[@place='end']">
    <xsl:value-of select="concat('[^', @n, ']')"/>
  </xsl:template>

  <!-- ============================================================ escaping -->
  <!-- Markdown's inline characters, each behind a backslash; text without them is returned at once. -->
  <xsl:template name="escape">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="translate($text, $special, '') = $text">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="escape-chars">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Each special character in turn, backslash first; recursion depth is the number of
       occurrences, not the length of the text. -->
  <xsl:template name="escape-chars">
    <xsl:param name="text"/>
    <xsl:param name="chars" select="$special"/>
    <xsl:choose>
      <xsl:when test="$chars = ''">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="char" select="substring($chars, 1, 1)"/>
        <xsl:variable name="done">
          <xsl:call-template name="replace">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="from" select="$char"/>
            <xsl:with-param name="to" select="concat('\', $char)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="escape-chars">
          <xsl:with-param name="text" select="string($done)"/>
          <xsl:with-param name="chars" select="substring($chars, 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph must not start like a heading, quotation, list or rule: escape its first sign. -->
  <xsl:template name="line-start">
    <xsl:param name="text"/>
    <xsl:variable name="first" select="substring($text, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="contains('#&gt;+-=|', $first) and $first != ''">
        <xsl:value-of select="concat('\', $text)"/>
      </xsl:when>
      <xsl:when test="translate($first, '0123456789', '') = ''  and $first != ''">
        <xsl:call-template name="escape-list-number">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "1945. ..." or "1) ..." at the start of a paragraph would begin an ordered list. -->
  <xsl:template name="escape-list-number">
    <xsl:param name="text"/>
    <xsl:param name="done" select="''"/>
    <xsl:variable name="first" select="substring($text, 1, 1)"/>
    <xsl:choose>
      <xsl:when test="$first != '' and translate($first, '0123456789', '') = '' and string-length($done) &lt; 9">
        <xsl:call-template name="escape-list-number">
          <xsl:with-param name="text" select="substring($text, 2)"/>
          <xsl:with-param name="done" select="concat($done, $first)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="($first = '.' or $first = ')') and (substring($text, 2, 1) = ' ' or substring($text, 2) = '')">
        <xsl:value-of select="concat($done, '\', $text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($done, $text)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
