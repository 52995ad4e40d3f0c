<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-table.xsl: one row per turn (sp) of a tei-meeting TEI record, for pandas, R and
  spreadsheets (XSLT 1.0). One stylesheet for three formats, so that they cannot disagree:

    format=csv    RFC 4180: a header row, every text field in double quotes (quotes doubled),
                  numbers bare, CRLF line ends
    format=tsv    IANA text/tab-separated-values: a header row, no quoting; the fields hold no
                  tab or line break (white space is normalised), so none needs escaping
    format=jsonl  one JSON object per line (JSON Lines); strings escaped (\" and \\), numbers
                  as numbers; no header row (the keys name the fields)

  Columns (and JSON keys), in order:

    document      the document id: the parameter "document" (tei-meeting passes the file name
                  without its suffix), else TEI/@xml:id, else empty
    turn_id       the sp's xml:id (sp12): the anchor in the HTML edition
    turn          the turn's number (1, 2, ...)
    speaker_id    sp/@who without "#" (several persons: separated by a space)
    speaker_label the speaker label as written ("Stalin:")
    speaker_name  the person's name from the header (particDesc/listPerson/person/persName)
    text          the words of the turn, as one line: its paragraphs, list items (with their
                  labels) and quoted parts in order, joined by a space; a speech interrupted by
                  a stage direction is joined back; stage directions and note markers are left
                  out; editorial marks as the canonical text writes them ([supplied words],
                  words [sic], [ILLEGIBLE], [...]); white space normalised
    stage         the stage directions inside the turn, as written, joined by " | "
    stage_after   the stage directions between this turn and the next (or the end), " | "
    words         the number of words of "text" (runs of characters between spaces)

  Stage directions before the first turn belong to no turn and are not in the table.

  Run it without tei-meeting: xsltproc with the string parameters "format" and "document"
  (see docs/transforms.md for the command line; XML comments cannot hold its double hyphens).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="format" select="'csv'"/>
  <xsl:param name="document" select="''"/>

  <xsl:key name="person" match="tei:person" use="@xml:id"/>
  <!-- Stage directions between turns, by the turn they follow (one look-up per turn). -->
  <xsl:key name="stage-after" match="tei:stage[not(ancestor::tei:sp)]" use="generate-id(preceding-sibling::tei:sp[1])"/>

  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="crlf" select="'&#13;&#10;'"/>
  <xsl:variable name="tab" select="'&#9;'"/>
  <xsl:variable name="doc-id">
    <xsl:choose>
      <xsl:when test="$document != ''"><xsl:value-of select="$document"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="/tei:TEI/@xml:id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:if test="$format != 'csv' and $format != 'tsv' and $format != 'jsonl'">
      <xsl:message terminate="yes">format must be csv, tsv or jsonl</xsl:message>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$format = 'csv'">
        <xsl:value-of select="concat('document,turn_id,turn,speaker_id,speaker_label,speaker_name,text,stage,stage_after,words', $crlf)"/>
      </xsl:when>
      <xsl:when test="$format = 'tsv'">
        <xsl:value-of select="concat('document', $tab, 'turn_id', $tab, 'turn', $tab, 'speaker_id', $tab,
            'speaker_label', $tab, 'speaker_name', $tab, 'text', $tab, 'stage', $tab, 'stage_after', $tab, 'words', '&#10;')"/>
      </xsl:when>
    </xsl:choose>
    <xsl:for-each select="/tei:TEI/tei:text//tei:sp">
      <xsl:call-template name="row">
        <xsl:with-param name="number" select="position()"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="number"/>
    <xsl:variable name="who" select="normalize-space(translate(@who, '#', ' '))"/>
    <xsl:variable name="first" select="substring-before(concat($who, ' '), ' ')"/>
    <xsl:variable name="text-raw">
      <xsl:apply-templates select="*[not(self::tei:speaker)]" mode="speech"/>
    </xsl:variable>
    <xsl:variable name="text" select="normalize-space($text-raw)"/>
    <xsl:variable name="label">
      <xsl:apply-templates select="tei:speaker" mode="speech"/>
    </xsl:variable>
    <xsl:variable name="stage">
      <xsl:for-each select=".//tei:stage">
        <xsl:if test="position() &gt; 1"> | </xsl:if>
        <xsl:apply-templates select="." mode="stage"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="stage-after">
      <xsl:for-each select="key('stage-after', generate-id())">
        <xsl:if test="position() &gt; 1"> | </xsl:if>
        <xsl:apply-templates select="." mode="stage"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="words">
      <xsl:choose>
        <xsl:when test="$text = ''">0</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="string-length($text) - string-length(translate($text, ' ', '')) + 1"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="turn-id">
      <xsl:choose>
        <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('sp', $number)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="name" select="normalize-space(key('person', $first)/tei:persName[1])"/>

    <xsl:call-template name="field"><xsl:with-param name="key" select="'document'"/><xsl:with-param name="value" select="$doc-id"/><xsl:with-param name="first" select="true()"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'turn_id'"/><xsl:with-param name="value" select="$turn-id"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'turn'"/><xsl:with-param name="value" select="$number"/><xsl:with-param name="number" select="true()"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'speaker_id'"/><xsl:with-param name="value" select="$who"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'speaker_label'"/><xsl:with-param name="value" select="normalize-space($label)"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'speaker_name'"/><xsl:with-param name="value" select="$name"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'text'"/><xsl:with-param name="value" select="$text"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'stage'"/><xsl:with-param name="value" select="normalize-space($stage)"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'stage_after'"/><xsl:with-param name="value" select="normalize-space($stage-after)"/></xsl:call-template>
    <xsl:call-template name="field"><xsl:with-param name="key" select="'words'"/><xsl:with-param name="value" select="$words"/><xsl:with-param name="number" select="true()"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="$format = 'csv'"><xsl:value-of select="$crlf"/></xsl:when>
      <xsl:when test="$format = 'jsonl'"><xsl:text>}&#10;</xsl:text></xsl:when>
      <xsl:otherwise><xsl:text>&#10;</xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One field, written and escaped for the format. -->
  <xsl:template name="field">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <xsl:param name="first" select="false()"/>
    <xsl:param name="number" select="false()"/>
    <xsl:choose>
      <xsl:when test="$format = 'csv'">
        <xsl:if test="not($first)">,</xsl:if>
        <xsl:choose>
          <xsl:when test="$number"><xsl:value-of select="$value"/></xsl:when>
          <xsl:otherwise>
            <xsl:text>"</xsl:text>
            <xsl:call-template name="replace">
              <xsl:with-param name="text" select="string($value)"/>
              <xsl:with-param name="from" select="'&quot;'"/>
              <xsl:with-param name="to" select="'&quot;&quot;'"/>
            </xsl:call-template>
            <xsl:text>"</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$format = 'tsv'">
        <xsl:if test="not($first)"><xsl:value-of select="$tab"/></xsl:if>
        <xsl:value-of select="normalize-space($value)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:choose>
          <xsl:when test="$first">{</xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('&quot;', $key, '&quot;: ')"/>
        <xsl:choose>
          <xsl:when test="$number"><xsl:value-of select="$value"/></xsl:when>
          <xsl:otherwise>
            <xsl:text>"</xsl:text>
            <xsl:call-template name="json-escape">
              <xsl:with-param name="text" select="string($value)"/>
            </xsl:call-template>
            <xsl:text>"</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- JSON strings: backslash and quote escaped. The values hold no control characters: they
       are normalised (no tab, CR or LF), and XML 1.0 allows no other control characters. -->
  <xsl:template name="json-escape">
    <xsl:param name="text"/>
    <xsl:variable name="backslashed">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="from" select="'\'"/>
        <xsl:with-param name="to" select="'\\'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text" select="string($backslashed)"/>
      <xsl:with-param name="from" select="'&quot;'"/>
      <xsl:with-param name="to" select="'\&quot;'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Replace every occurrence of $from in $text; a text without it costs one contains(). -->
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

  <!-- The speech: blocks separated by a space; stage directions and notes are not speech. -->
  <xsl:template match="tei:stage | tei:note" mode="speech"/>

  <xsl:template match="tei:p | tei:ab | tei:quote | tei:item | tei:speaker" mode="speech">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="speech"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="tei:list" mode="speech">
    <xsl:for-each select="tei:item">
      <xsl:text> </xsl:text>
      <xsl:if test="preceding-sibling::*[1][self::tei:label]">
        <xsl:value-of select="concat(preceding-sibling::*[1], ' ')"/>
      </xsl:if>
      <xsl:apply-templates mode="speech"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="speech">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="speech"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:sic" mode="speech">
    <xsl:apply-templates mode="speech"/>
    <xsl:text> [sic]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="speech">
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

  <!-- A stage direction's own text: as written, editorial marks as in the speech. -->
  <xsl:template match="tei:stage" mode="stage">
    <xsl:apply-templates mode="speech"/>
  </xsl:template>
</xsl:stylesheet>
