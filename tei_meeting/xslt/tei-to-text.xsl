<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: the canonical TEI -> plain text rule of tei-meeting (XSLT 1.0).

  It gives back the transcript a TEI file was made from: the archive preamble (title, date,
  Citation, Summary, Credits, Original Language, Contents) in the archive's page layout, then the
  record, one paragraph per block, paragraphs separated by a blank line. Converting its output
  again gives the same TEI. The rules (documented in docs/encoding.md):

    speaker            label as written, then a space, then the turn's first paragraph
    supplied           [text]              the editors' insertion, in its brackets again
    sic                text [sic]          the flagged words, then the mark
    gap                [REASON]            e.g. <gap reason="illegible"/> -> [ILLEGIBLE]
    stage, q, quote    their text as written (parentheses and quotation marks are in the text)
    list               each label, a space, its item, as a paragraph
    date, time         their text as written (the normalised values are attributes)
    opener             one paragraph: its datelines and argument, one per line
    list[participants] one paragraph: head, side labels and items (names, roles), one per line
    div/note           a stamp or shelfmark, as a paragraph
    note[@place=end]   [n] at its reference point (n alone when rend="glued"); the notes again
                       as "[n] text" paragraphs where divGen[@type=notes] stands, after its head
    gap                [...] for reason omitted ([…] when rend="ellipsis"); [words] with a desc
    unclear            its words (the mark after it is text)

  Run it without tei-meeting:  xsltproc tei-to-text.xsl record.xml
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="sep" select="'&#10;&#10;'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI/tei:teiHeader" mode="preamble"/>
    <xsl:apply-templates select="tei:TEI/tei:text/tei:body" mode="block"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- The archive preamble, from the header. -->
  <xsl:template match="tei:teiHeader" mode="preamble">
    <xsl:variable name="source" select="tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <xsl:for-each select="$source/tei:date">
      <xsl:value-of select="concat($sep, '## **', ., '**')"/>
    </xsl:for-each>
    <xsl:for-each select="$source/tei:title">
      <xsl:value-of select="concat($sep, '# **', ., '**')"/>
    </xsl:for-each>
    <xsl:if test="$source/tei:bibl[@type='citation'] or $source/tei:ref">
      <xsl:value-of select="concat($sep, '### **Citation:**', $sep)"/>
      <xsl:value-of select="$source/tei:bibl[@type='citation']"/>
      <xsl:if test="$source/tei:bibl[@type='citation'] and $source/tei:ref">
        <xsl:text>  &#10;</xsl:text>
      </xsl:if>
      <xsl:for-each select="$source/tei:ref">
        <xsl:value-of select="concat('&lt;', @target, '&gt;')"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="tei:profileDesc/tei:abstract">
      <xsl:value-of select="concat($sep, '### **Summary:**')"/>
      <xsl:for-each select="tei:profileDesc/tei:abstract/tei:p">
        <xsl:value-of select="concat($sep, .)"/>
      </xsl:for-each>
    </xsl:if>
    <xsl:for-each select="tei:fileDesc/tei:notesStmt/tei:note[@type='credits']">
      <xsl:value-of select="concat($sep, '### **Credits:**', $sep, .)"/>
    </xsl:for-each>
    <xsl:for-each select="$source/tei:textLang">
      <xsl:value-of select="concat($sep, '### **Original Language:**', $sep, .)"/>
    </xsl:for-each>
    <xsl:if test="tei:fileDesc/tei:notesStmt/tei:note[@type='contents']">
      <xsl:value-of select="concat($sep, '### **Contents:**')"/>
      <xsl:for-each select="tei:fileDesc/tei:notesStmt/tei:note[@type='contents']">
        <xsl:value-of select="concat($sep, .)"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Blocks: each starts a paragraph. $prefix carries a speaker label to its turn's first block. -->
  <xsl:template match="tei:body | tei:div" mode="block">
    <xsl:apply-templates select="*" mode="block"/>
  </xsl:template>

  <!-- The record's heading lines of one paragraph: one per line. -->
  <xsl:template match="tei:opener" mode="block">
    <xsl:value-of select="$sep"/>
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1">
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="self::tei:argument">
          <xsl:apply-templates select="tei:p/node()"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- A participants block: heading, side labels and entries, one per line, as one paragraph. -->
  <xsl:template match="tei:list[@type='participants']" mode="block">
    <xsl:value-of select="$sep"/>
    <xsl:for-each select="tei:head | tei:label[normalize-space()] | tei:item[not(tei:list)] | tei:item/tei:list/tei:item">
      <xsl:if test="position() &gt; 1">
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:for-each>
  </xsl:template>

  <!-- Stamps and shelfmarks where they stood. -->
  <xsl:template match="tei:div/tei:note" mode="block">
    <xsl:value-of select="$sep"/>
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The note list after the record: its heading, then each note of the text as "[n] text". -->
  <xsl:template match="tei:divGen[@type='notes']" mode="block">
    <xsl:for-each select="tei:head">
      <xsl:value-of select="concat($sep, .)"/>
    </xsl:for-each>
    <xsl:for-each select="//tei:text//tei:note[@place='end']">
      <xsl:value-of select="concat($sep, '[', @n, '] ')"/>
      <xsl:apply-templates/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:sp" mode="block">
    <xsl:variable name="speaker">
      <xsl:apply-templates select="tei:speaker"/>
    </xsl:variable>
    <xsl:variable name="label" select="concat($speaker, ' ')"/>
    <xsl:variable name="blocks" select="*[not(self::tei:speaker)]"/>
    <xsl:if test="not($blocks)">
      <xsl:value-of select="concat($sep, $speaker)"/>
    </xsl:if>
    <xsl:apply-templates select="$blocks[1]" mode="block">
      <xsl:with-param name="prefix" select="$label"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="$blocks[position() &gt; 1]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:dateline | tei:stage | tei:ab" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:value-of select="concat($sep, $prefix)"/>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:apply-templates select="*[1]" mode="block">
      <xsl:with-param name="prefix" select="$prefix"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="*[position() &gt; 1]" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="block">
    <xsl:param name="prefix" select="''"/>
    <xsl:for-each select="tei:item">
      <xsl:value-of select="$sep"/>
      <xsl:if test="position() = 1">
        <xsl:value-of select="$prefix"/>
      </xsl:if>
      <xsl:if test="preceding-sibling::*[1][self::tei:label]">
        <xsl:value-of select="concat(preceding-sibling::*[1], ' ')"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:for-each>
  </xsl:template>

  <!-- Inline: the text as written, with the editors' brackets given back. -->
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

  <!-- A footnote at its reference point: only its marker; its text goes to the note list. -->
  <xsl:template match="tei:note[@place='end']">
    <xsl:choose>
      <xsl:when test="@rend = 'glued'">
        <xsl:value-of select="@n"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('[', @n, ']')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
